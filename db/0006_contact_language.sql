-- The language a driver chose (or wrote as a keyword): the bot picks the flow published in that language.
ALTER TABLE contacts ADD COLUMN language text NULL;
ALTER TABLE conversations ADD COLUMN awaiting_language boolean NOT NULL DEFAULT false;
