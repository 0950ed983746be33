package audit_test

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// TestFindingsNameTheirChild: every finding about a child carries the
// child's name from its own system's children table (a portal photo from
// the portal's children, a social post by the administration's child
// number, a child row its own name); a finding about a child no table
// names, about something that is not a child, or about the manifest (row
// 0) has none.
func TestFindingsNameTheirChild(t *testing.T) {
	const manifest = `version: 1
organisation: Test
systems:
  admin:
    product: Kidsadmin
    files:
      - {file: kinderen.csv, table: admin_children}
  portal:
    product: Konnect
    files:
      - {file: kinderen-portaal.csv, table: portal_children}
      - {file: fotos.csv, table: portal_photos}
  register:
    product: Excel
    files:
      - {file: posts.csv, table: social_posts}
      - {file: verwerkers.csv, table: processors}
`
	src := fstest.MapFS{
		"manifest.yaml": {Data: []byte(manifest)},
		"kinderen.csv": {Data: []byte("child_id,first_name,name_prefix,last_name,birth_date,care_end\n" +
			"K1,Sem,de,Bruijn,2021-03-04,\nK2,Zoë,,Brouwer,2020-01-02,\n")},
		"kinderen-portaal.csv": {Data: []byte("portal_child_id,child_id,first_name,last_name,placement_end\n" +
			"PK1,K1,Sem,de Bruijn,\nPK2,,Noor,Visser,\n")},
		"fotos.csv": {Data: []byte("photo_id,portal_child_id,posted_at\n" +
			"F1,PK1,2026-01-01 10:00\nF2,PK2,2026-01-02 10:00\nF3,PK9,2026-01-03 10:00\n")},
		"posts.csv":      {Data: []byte("post_id,child_id,channel,posted_at\nB1,K2,website,2026-02-01\nB2,K7,website,2026-02-02\n")},
		"verwerkers.csv": {Data: []byte("system,agreement_signed_at,agreement_expires_at,in_use\nKonnect,2024-01-01,,ja\n")},
	}
	all := func(table, key string) string {
		return `SELECT '` + table + `' AS table_name, ` + key + ` AS record_key, _file, _row,
			'm' AS message_nl, 'm' AS message_en FROM ` + table
	}
	checks := []queries.Check{
		check(t, "photos", "portal_photos", all("portal_photos", "photo_id")),
		check(t, "posts", "social_posts", all("social_posts", "post_id")),
		check(t, "children", "admin_children", all("admin_children", "child_id")),
		check(t, "portal_children", "portal_children", all("portal_children", "portal_child_id")),
		check(t, "processors", "processors", all("processors", "system")),
		check(t, "manifest", "processors", `SELECT 'admin_children' AS table_name, 'K1' AS record_key, 'manifest.yaml' AS _file, 0 AS _row,
			'm' AS message_nl, 'm' AS message_en`),
	}
	run, err := auditFlat(context.Background(), audit.Options{Source: src, Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range run.Checks {
		if c.Status == results.StatusError {
			t.Fatalf("%s: %v", c.ID, c.Reason)
		}
		for _, f := range c.Findings {
			got[c.ID+" "+f.RecordKey] = f.ChildName
		}
	}
	want := map[string]string{
		"photos F1":           "Sem de Bruijn", // the portal's own children, by portal child id
		"photos F2":           "Noor Visser",   // no administration number: still the portal's name
		"photos F3":           "",              // a child the portal does not know
		"posts B1":            "Zoë Brouwer",   // by the administration's child number
		"posts B2":            "",
		"children K1":         "Sem de Bruijn", // first name, prefix, last name
		"children K2":         "Zoë Brouwer",
		"portal_children PK1": "Sem de Bruijn",
		"portal_children PK2": "Noor Visser",
		"processors Konnect":  "", // not about a child
		"manifest K1":         "", // about the manifest, not a row
	}
	for k, w := range want {
		if g, ok := got[k]; !ok {
			t.Errorf("%s: no finding", k)
		} else if g != w {
			t.Errorf("%s names %q, want %q", k, g, w)
		}
	}
}
