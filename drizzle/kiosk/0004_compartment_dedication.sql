CREATE TABLE `compartment_dedication` (
	`compartment_id` text PRIMARY KEY NOT NULL,
	`contact_id` text,
	`department_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`compartment_id`) REFERENCES `compartment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contact`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "compartment_dedication_party" CHECK(("compartment_dedication"."contact_id" IS NULL) <> ("compartment_dedication"."department_id" IS NULL))
) STRICT;
