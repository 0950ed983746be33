-- id: kinderen
-- title.nl: Elk kind
-- title.en: Every child
-- severity: info
-- area: eigen
-- source: eigen privacybeleid
-- requires: admin_children
-- why.nl: Een bevinding per kind: het FG-rapport noemt het kind bij naam, de andere rapporten nooit.
-- why.en: One finding per child: the FG report names the child, the other reports never do.
-- fix.nl: Niets.
-- fix.en: Nothing.
SELECT 'admin_children' AS table_name, child_id AS record_key, _file, _row,
       'Kind ' || child_id AS message_nl, 'Child ' || child_id AS message_en
FROM admin_children
ORDER BY 2
