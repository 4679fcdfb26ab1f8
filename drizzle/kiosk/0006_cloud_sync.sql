CREATE TABLE `compartment_intent` (
	`compartment_id` text PRIMARY KEY NOT NULL,
	`out_of_service` integer NOT NULL,
	`note` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`compartment_id`) REFERENCES `compartment`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "compartment_intent_out_of_service" CHECK("compartment_intent"."out_of_service" IN (0, 1))
) STRICT;
--> statement-breakpoint
CREATE TABLE `remote_command` (
	`id` text PRIMARY KEY NOT NULL,
	`compartment_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`server_offset_ms` integer NOT NULL,
	`requested_by` text NOT NULL,
	`reason` text NOT NULL,
	`state` text NOT NULL,
	`received_at` integer NOT NULL,
	`done_at` integer,
	CONSTRAINT "remote_command_state" CHECK("remote_command"."state" IN ('pending', 'opened', 'expired', 'refused'))
) STRICT;
--> statement-breakpoint
CREATE INDEX `remote_command_state` ON `remote_command` (`state`);--> statement-breakpoint
ALTER TABLE `sync_device` ADD `cookie_bank` integer;--> statement-breakpoint
ALTER TABLE `sync_device` ADD `cookie_tenant` integer;--> statement-breakpoint
ALTER TABLE `sync_device` ADD `acked_mutation_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_device` ADD `last_sync_at` integer;