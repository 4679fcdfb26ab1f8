CREATE TABLE `activity_log` (
	`id` text PRIMARY KEY NOT NULL,
	`bank_id` text NOT NULL,
	`type` text NOT NULL,
	`compartment_id` text,
	`actor` text NOT NULL,
	`details` text NOT NULL,
	`wall_time` integer NOT NULL,
	`hlc` text NOT NULL,
	FOREIGN KEY (`bank_id`) REFERENCES `locker_bank`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compartment_id`) REFERENCES `compartment`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE INDEX `activity_log_compartment` ON `activity_log` (`compartment_id`,`hlc`);--> statement-breakpoint
CREATE TABLE `compartment` (
	`id` text PRIMARY KEY NOT NULL,
	`bank_id` text NOT NULL,
	`label` text NOT NULL,
	`size` text NOT NULL,
	`door_bottom_cm` integer NOT NULL,
	`door_top_cm` integer NOT NULL,
	`board` integer NOT NULL,
	`channel` integer NOT NULL,
	`service_state` text DEFAULT 'in_service' NOT NULL,
	`service_reason` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`bank_id`) REFERENCES `locker_bank`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "compartment_door_heights" CHECK("compartment"."door_bottom_cm" >= 0 AND "compartment"."door_top_cm" > "compartment"."door_bottom_cm"),
	CONSTRAINT "compartment_size" CHECK("compartment"."size" IN ('S', 'M', 'L')),
	CONSTRAINT "compartment_service_state" CHECK("compartment"."service_state" IN ('in_service', 'out_of_service')),
	CONSTRAINT "compartment_channel" CHECK("compartment"."channel" >= 1)
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `compartment_bank_label` ON `compartment` (`bank_id`,`label`);--> statement-breakpoint
CREATE UNIQUE INDEX `compartment_bank_lock` ON `compartment` (`bank_id`,`board`,`channel`);--> statement-breakpoint
CREATE TABLE `locker_bank` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
) STRICT;
--> statement-breakpoint
CREATE TABLE `sync_device` (
	`singleton` integer PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`incarnation_id` text NOT NULL,
	`last_mutation_id` integer DEFAULT 0 NOT NULL,
	`last_hlc` text,
	CONSTRAINT "sync_device_singleton" CHECK("sync_device"."singleton" = 1)
) STRICT;
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`v` integer NOT NULL,
	`args` text NOT NULL,
	`args_hash` text NOT NULL,
	`hlc` text NOT NULL,
	`wall_time` integer NOT NULL,
	`acked_at` integer
) STRICT;
