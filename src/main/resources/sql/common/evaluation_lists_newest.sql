-- The newest frozen list of every zone, scheme and year: the one the map and every output show.
SELECT l.id, l.zone, l.scheme, l.year, l.revision, l.state, l.notice_from, l.notice_to
FROM evaluation_lists l
WHERE l.revision = (SELECT max(m.revision) FROM evaluation_lists m
                    WHERE m.zone = l.zone AND m.scheme = l.scheme AND m.year = l.year)
