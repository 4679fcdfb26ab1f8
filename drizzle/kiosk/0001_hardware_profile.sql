CREATE TABLE `bank_hardware` (
	`bank_id` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`bank_id`) REFERENCES `locker_bank`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bank_hardware_settings_object" CHECK(json_type("bank_hardware"."settings") = 'object')
) STRICT;
--> statement-breakpoint
CREATE TABLE `commissioning_check` (
	`compartment_id` text PRIMARY KEY NOT NULL,
	`outcome` text NOT NULL,
	`actor` text NOT NULL,
	`checked_at` integer NOT NULL,
	`activity_id` text NOT NULL,
	FOREIGN KEY (`compartment_id`) REFERENCES `compartment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activity_log`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "commissioning_check_outcome" CHECK("commissioning_check"."outcome" IN ('door_seen_open', 'door_already_open', 'jammed', 'outcome_unknown'))
) STRICT;
