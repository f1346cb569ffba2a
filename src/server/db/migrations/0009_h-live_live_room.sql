-- One room per live session, across processes: the room that holds a session writes its id here and
-- renews a short lease while it runs; another room for the same session is refused while the lease
-- holds. A process that dies without closing its rooms leaves a lease that lapses by itself.
ALTER TABLE live_sessions ADD COLUMN IF NOT EXISTS room_id text;
ALTER TABLE live_sessions ADD COLUMN IF NOT EXISTS room_lease_until timestamptz;
