package audit_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// TestLinkMismatch: a link column whose values are mostly another system's
// ids (2 of 16 portal child ids in fotos-ander.csv are the portal's) is
// named with its share, examples and fix on the input, and every check
// that ran and reads it is marked incomplete, its findings kept. A link
// column that matches, or has fewer than audit.LinkMinValues values, is not.
func TestLinkMismatch(t *testing.T) {
	var children, ok, other, few strings.Builder
	children.WriteString("portal_child_id\n")
	ok.WriteString("photo_id,portal_child_id,posted_at\n")
	other.WriteString("photo_id,Kind-ID,posted_at\n")
	few.WriteString("photo_id,portal_child_id,posted_at\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&children, "P%02d\n", i)
		fmt.Fprintf(&ok, "A%d,P%02d,2026-01-01 10:00\n", i, i)
	}
	for i := 1; i <= 14; i++ {
		fmt.Fprintf(&other, "B%d,K-%04d,2026-01-01 10:00\n", i, i)
	}
	other.WriteString("B15,P01,2026-01-01 10:00\nB16,P02,2026-01-01 10:00\nB17,,2026-01-01 10:00\n")
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&few, "C%d,X%d,2026-01-01 10:00\n", i, i)
	}
	src := fstest.MapFS{
		"manifest.yaml": {Data: []byte(`version: 1
organisation: Test
systems:
  portal:
    product: Konnect
    files:
      - {file: kinderen.csv, table: portal_children}
      - {file: fotos.csv, table: portal_photos}
      - {file: fotos-ander.csv, table: portal_photos, columns: {Kind-ID: portal_child_id}}
      - {file: fotos-weinig.csv, table: portal_photos}
`)},
		"kinderen.csv":     {Data: []byte(children.String())},
		"fotos.csv":        {Data: []byte(ok.String())},
		"fotos-ander.csv":  {Data: []byte(other.String())},
		"fotos-weinig.csv": {Data: []byte(few.String())},
	}
	checks := []queries.Check{
		labelled(t, "unknown_child", "-- reads: portal_photos(photo_id, portal_child_id), portal_children(portal_child_id)\n",
			`SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row, 'onbekend kind' AS message_nl, 'unknown child' AS message_en
			FROM portal_photos WHERE portal_child_id NOT IN (SELECT portal_child_id FROM portal_children)`),
		labelled(t, "passes", "-- reads: portal_photos(photo_id, portal_child_id)\n",
			`SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row, 'm' AS message_nl, 'm' AS message_en
			FROM portal_photos WHERE portal_child_id IS NULL AND false`),
		labelled(t, "other_column", "-- reads: portal_photos(photo_id)\n",
			`SELECT 'portal_photos' AS table_name, photo_id AS record_key, _file, _row, 'm' AS message_nl, 'm' AS message_en
			FROM portal_photos WHERE photo_id = 'A1'`),
	}
	run, err := auditFlat(context.Background(), audit.Options{Source: src, Dir: ".", AsOf: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Checks: checks})
	if err != nil {
		t.Fatal(err)
	}
	want := results.Text{
		NL: `2 van 16 kindnummers in fotos-ander.csv (kolom "Kind-ID", portal_photos.portal_child_id) komen voor in de kinderen van het ouderportaal (portal_children.portal_child_id), bijvoorbeeld niet: "K-0001", "K-0002", "K-0003". De kolom houdt waarschijnlijk de nummers van een ander systeem: controles die haar lezen geven dan onterechte bevindingen of missen echte; koppel in het manifest de kolom die het kindnummer van het ouderportaal bevat (hetzelfde nummer als in de kinderexport van het portaal)`,
		EN: `2 of 16 child numbers in fotos-ander.csv (column "Kind-ID", portal_photos.portal_child_id) occur in the parent portal's children (portal_children.portal_child_id); not, for example: "K-0001", "K-0002", "K-0003". The column probably holds another system's numbers: checks that read it then give false findings or miss real ones; map in the manifest the column that holds the parent portal's child number (the same number as in the portal's children export)`,
	}
	for _, in := range run.Inputs {
		switch {
		case in.File == "fotos-ander.csv":
			if len(in.LinkWarnings) != 1 || in.LinkWarnings[0] != want {
				t.Errorf("%s: link warnings %q, want\n%q", in.File, in.LinkWarnings, want)
			}
		case len(in.LinkWarnings) > 0:
			t.Errorf("%s: link warnings %q, want none", in.File, in.LinkWarnings)
		}
	}
	flagged := results.Text{
		NL: `onvolledig: maar 2 van 16 kindnummers in fotos-ander.csv (kolom "Kind-ID", portal_photos.portal_child_id) komen voor in de kinderen van het ouderportaal: bevindingen over deze kolom kunnen onterecht zijn en zonder bevindingen is de uitkomst niet te vertrouwen; koppel in het manifest de kolom die het kindnummer van het ouderportaal bevat (hetzelfde nummer als in de kinderexport van het portaal)`,
		EN: `incomplete: only 2 of 16 child numbers in fotos-ander.csv (column "Kind-ID", portal_photos.portal_child_id) occur in the parent portal's children: findings about this column may be false, and without findings the outcome cannot be trusted; map in the manifest the column that holds the parent portal's child number (the same number as in the portal's children export)`,
	}
	for _, c := range run.Checks {
		var got []results.Text
		for _, w := range c.Warnings {
			if w == flagged {
				got = append(got, w)
			}
		}
		switch c.ID {
		case "unknown_child":
			if c.Status != results.StatusFindings || len(c.Findings) != 19 || len(got) != 1 {
				t.Errorf("%s: %s, %d findings, %d link warnings; want findings, 19 (kept), 1", c.ID, c.Status, len(c.Findings), len(got))
			}
		case "passes":
			if c.Status != results.StatusPassed || len(got) != 1 {
				t.Errorf("%s: %s, %d link warnings; want passed and incomplete (1)", c.ID, c.Status, len(got))
			}
		default:
			if len(got) != 0 {
				t.Errorf("%s does not read the link column but is flagged: %q", c.ID, c.Warnings)
			}
		}
	}
}
