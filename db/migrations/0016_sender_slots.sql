CREATE TABLE "sender_slots" (
	"sender_number" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL
);
