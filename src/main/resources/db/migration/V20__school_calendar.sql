-- The school calendar on /admin: a holiday prefilled from the official Dutch school holidays keeps
-- the region it came from (noord, midden, zuid), so choosing a region again replaces only those.
-- NULL: a day off the school added itself, or an official one the administrator changed.
ALTER TABLE school_holiday ADD COLUMN region VARCHAR(8);
