import { Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { EmailButton, EmailLayout, EmailLinkLine, EmailMuted, EmailParagraph, type EmailFooter } from "@/lib/email/templates/layout";

const colours = { brand: "#2552eb", brandLight: "#c7d4fb", ink: "#0f172a", muted: "#64748b", line: "#e2e8f0", good: "#047857", bad: "#b91c1c" };

export type Tone = "good" | "bad" | "neutral";

/** One line of figures: a label (and a smaller line under it), a value on the right (and a coloured line under it). */
export type FigureLine = { id: string; label: string; detail?: string; value: string; note?: string; tone?: Tone };

/** A horizontal bar: its share of the longest (0–1) and the figure written after it. */
export type BarLine = { id: string; label: string; share: number; value: string };

export type ReportEmailBlock =
  | { type: "figures"; heading: string; lines: FigureLine[]; total?: FigureLine }
  | { type: "bars"; heading: string; lines: BarLine[] }
  | { type: "table"; heading: string; columns: string[]; rows: { id: string; name: string; share: number; cells: string[] }[]; empty: string };

export type ReportEmailContent = {
  locale: "fr" | "en";
  subject: string;
  heading: string;
  intro: string;
  blocks: ReportEmailBlock[];
  action: { label: string; href: string };
  footer: EmailFooter;
};

const toneColour = (tone: Tone | undefined) => (tone === "good" ? colours.good : tone === "bad" ? colours.bad : colours.muted);
const small = { fontSize: 12, lineHeight: "16px", margin: 0 } as const;
const cell = { borderBottom: `1px solid ${colours.line}`, padding: "8px 0", verticalAlign: "top" } as const;

function Heading2({ children }: { children: ReactNode }) {
  return <Text style={{ color: colours.ink, fontSize: 15, fontWeight: 700, margin: "22px 0 4px" }}>{children}</Text>;
}

/** A bar drawn with table cells, which every mail client renders (no image, no CSS chart). */
function Bar({ share, colour = colours.brand }: { share: number; colour?: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(share * 100)));
  if (percent === 0) return null;
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: "collapse", marginTop: 4 }}>
      <tbody>
        <tr>
          <td style={{ width: `${percent}%`, backgroundColor: colour, borderRadius: 3, fontSize: 0, height: 8, lineHeight: "8px" }}>&nbsp;</td>
          {percent < 100 ? <td style={{ fontSize: 0, height: 8, lineHeight: "8px" }}>&nbsp;</td> : null}
        </tr>
      </tbody>
    </table>
  );
}

function FiguresBlock({ lines, total }: { lines: FigureLine[]; total?: FigureLine }) {
  const line = (figure: FigureLine, strong = false) => (
    <tr key={figure.id} data-figure={figure.id}>
      <td style={{ ...cell, paddingRight: 12 }}>
        <p style={{ color: colours.ink, fontSize: 14, fontWeight: strong ? 700 : 400, lineHeight: "20px", margin: 0 }}>{figure.label}</p>
        {figure.detail ? <p style={{ ...small, color: colours.muted }}>{figure.detail}</p> : null}
      </td>
      <td align="right" style={{ ...cell, whiteSpace: "nowrap" }}>
        <p style={{ color: colours.ink, fontSize: 15, fontWeight: 700, lineHeight: "20px", margin: 0 }}>{figure.value}</p>
        {figure.note ? <p style={{ ...small, color: toneColour(figure.tone) }}>{figure.note}</p> : null}
      </td>
    </tr>
  );
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: "collapse" }}>
      <tbody>
        {lines.map((figure) => line(figure))}
        {total ? line(total, true) : null}
      </tbody>
    </table>
  );
}

function BarsBlock({ lines }: { lines: BarLine[] }) {
  return (
    <table className="data-table" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: "collapse" }}>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <td style={{ color: colours.muted, fontSize: 12, lineHeight: "20px", paddingRight: 8, whiteSpace: "nowrap", width: 84 }}>{line.label}</td>
            <td style={{ verticalAlign: "middle" }}>
              <Bar share={line.share} />
            </td>
            <td align="right" style={{ color: colours.ink, fontSize: 12, lineHeight: "20px", paddingLeft: 8, width: 40 }}>{line.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Name (with a bar of its first figure) then short numeric columns: fits a 390 px screen with names wrapping. */
function TableBlock({ columns, rows, empty }: Extract<ReportEmailBlock, { type: "table" }>) {
  if (!rows.length) return <EmailMuted>{empty}</EmailMuted>;
  const [first, ...rest] = columns;
  const header = { ...small, borderBottom: `1px solid ${colours.line}`, color: colours.muted, fontWeight: 600, padding: "0 0 6px" } as const;
  return (
    <table className="data-table" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: "collapse", tableLayout: "fixed" }}>
      <thead>
        <tr>
          <th align="left" style={header}>{first}</th>
          {rest.map((column) => (
            <th key={column} align="right" style={{ ...header, paddingLeft: 6, width: "21%" }}>{column}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td style={{ ...cell, fontSize: 13, lineHeight: "18px", color: colours.ink, wordBreak: "break-word" }}>
              {row.name}
              <Bar share={row.share} colour={colours.brandLight} />
            </td>
            {row.cells.map((value, index) => (
              <td key={index} align="right" style={{ ...cell, color: colours.ink, fontSize: 13, lineHeight: "18px", paddingLeft: 6 }}>{value}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The weekly progress and daily deposits emails: an intro, blocks of figures, bars and tables, the dashboard button. */
export function ReportEmail({ locale, subject, heading, intro, blocks, action, footer }: ReportEmailContent) {
  return (
    <EmailLayout locale={locale} preview={subject} heading={heading} footer={footer}>
      <EmailParagraph>{intro}</EmailParagraph>
      {blocks.map((block) => (
        <Section key={block.heading}>
          <Heading2>{block.heading}</Heading2>
          {block.type === "figures" ? <FiguresBlock lines={block.lines} total={block.total} /> : block.type === "bars" ? <BarsBlock lines={block.lines} /> : <TableBlock {...block} />}
        </Section>
      ))}
      <Section style={{ marginTop: 20 }}>
        <EmailButton href={action.href}>{action.label}</EmailButton>
        <EmailLinkLine href={action.href} />
      </Section>
    </EmailLayout>
  );
}
