-- Schema version 7: the first plan was in effect from '0001-01-01'; every stored date now lies from 1970-01-01
-- on (input::FIRST_DAY), so it is in effect from then.
UPDATE plan_history SET effective_from = '1970-01-01' WHERE effective_from < '1970-01-01';
