import type { FormEvent, ReactNode } from "react";
import { Button } from "./button";
import { Card, CardBody, CardHeader } from "./card";
import { cn } from "./cn";

/** A settings section: a card with its title, the form's fields and its save button. */
export function SettingsFormCard({
  title,
  description,
  onSubmit,
  pending,
  saveLabel,
  className,
  testId,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  saveLabel: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <CardBody>
        <form onSubmit={onSubmit} className={cn("grid gap-5", className)} data-testid={testId}>
          {children}
          <div>
            <Button type="submit" pending={pending}>
              {saveLabel}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
