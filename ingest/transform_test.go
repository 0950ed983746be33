package ingest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/ingest"
)

// TestLoadTransformedShapes loads exports that are not one record per row
// (testdata/shapes): a wide consent export (one column per question, Ja/Nee
// and an x/blank checkbox), cells with several ids, a system's own user
// list without a system column, and notes without a note number.
func TestLoadTransformedShapes(t *testing.T) {
	db := openDB(t)
	res, err := loadDir(t, db, "testdata/shapes")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, q string
		want    [][]string
	}{
		{"accounts get the product, or the fixed value, as system", "SELECT system, username, coalesce(mfa::VARCHAR, '') FROM accounts ORDER BY username", [][]string{
			{"Flexkids", "anouk", "false"}, {"Flexkids", "bert", "true"}, {"Bitcare", "cees", ""}}},
		{"one consent row per answered question; blank is no row; the bad answer is rejected", "SELECT portal_child_id, consent_type, granted::VARCHAR, strftime(recorded_at, '%Y-%m-%d'), _row FROM portal_consents WHERE _file = 'toestemmingen.csv' ORDER BY _row, consent_type", [][]string{
			{"31001", "photo_external", "false", "2026-02-01", "2"}, {"31001", "photo_portal", "true", "2026-02-01", "2"},
			{"31002", "photo_portal", "false", "2026-02-02", "3"}, {"31002", "transport", "true", "2026-02-02", "3"}}},
		{"a checkbox: blank is a refusal", "SELECT portal_child_id, consent_type, granted::VARCHAR FROM portal_consents WHERE _file = 'vinkjes.csv' ORDER BY 1", [][]string{
			{"K1", "photo_portal", "true"}, {"K2", "photo_portal", "false"}}},
		{"notes without a note number are keyed by their row", "SELECT note_id, portal_child_id, category FROM portal_notes ORDER BY _row", [][]string{
			{"bijzonderheden.csv#2", "31001", "allergy"}, {"bijzonderheden.csv#3", "31001", "allergy"}, {"bijzonderheden.csv#4", "31002", "diet"}}},
		{"a post per tagged child; the post is its row; a repeated id counts once", "SELECT photo_id, portal_child_id FROM portal_photos ORDER BY _row, portal_child_id", [][]string{
			{"posts.csv#2", "31001"}, {"posts.csv#2", "31002"}, {"posts.csv#3", "31003"}, {"posts.csv#4", "31001"}}},
		{"a social post without a recognisable child is a row", "SELECT post_id, coalesce(child_id, '-') FROM social_posts ORDER BY _row, child_id", [][]string{
			{"FB1", "K1"}, {"FB1", "K2"}, {"FB2", "-"}, {"FB3", "K3"}}},
		{"a parent of two children in one cell is two rows of one guardian; the same parent and child again is a duplicate", "SELECT guardian_id, child_id, _row FROM admin_guardians ORDER BY _row, child_id", [][]string{
			{"R1", "1004", "2"}, {"R1", "1017", "2"}, {"R2", "1020", "3"}}},
		{"what the transform fills counts as mapped", "SELECT file, coalesce(header, ''), column_name FROM _columns WHERE table_name IN ('accounts', 'portal_consents') AND column_name IN ('system', 'consent_type', 'granted') ORDER BY file, position, column_name", [][]string{
			{"gebruikers.csv", "", "system"}, {"partij.csv", "", "system"},
			{"toestemmingen.csv", "", "consent_type"}, {"toestemmingen.csv", "Foto's in de app", "granted"}, {"toestemmingen.csv", "Foto's op onze website", "granted"}, {"toestemmingen.csv", "Uitstapjes", "granted"},
			{"vinkjes.csv", "", "consent_type"}, {"vinkjes.csv", "Foto's intern (x)", "granted"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, query(t, db, tc.q)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// The rejected answer names the export's own file, row and column.
	var found bool
	for _, r := range res.Rejects {
		switch {
		case r.File == "toestemmingen.csv" && r.Row == 3 && r.Column == "Foto's op onze website" && r.Value == "misschien":
			found = true
		case r.File == "relaties.csv" && r.Row == 4 && strings.Contains(r.Reason.EN, "duplicate guardian_id+child_id: row 2"):
		default:
			t.Errorf("unexpected reject %+v", r)
		}
	}
	if !found {
		t.Errorf("no reject for row 3, column \"Foto's op onze website\": %+v", res.Rejects)
	}
	for _, in := range res.Inputs {
		if in.File == "toestemmingen.csv" && (in.RowsLoaded != 4 || in.RowsRejected != 1) {
			t.Errorf("toestemmingen.csv: %d loaded, %d rejected; want 4 and 1", in.RowsLoaded, in.RowsRejected)
		}
	}
}

// TestTransformErrors: a question column the export lacks stops the load
// naming it; a row that does not line up with the header is rejected whole,
// not turned into rows; a fixed value where the export has the column is
// refused.
func TestTransformErrors(t *testing.T) {
	const head = "version: 1\norganisation: x\nsystems:\n  portal:\n    product: Bitcare\n    files:\n"
	load := func(t *testing.T, entry, csv string) (*ingest.Result, error) {
		dir := t.TempDir()
		writeFile(t, dir, "manifest.yaml", head+entry)
		writeFile(t, dir, "f.csv", csv)
		return loadDir(t, openDB(t), dir)
	}
	t.Run("question column missing", func(t *testing.T) {
		_, err := load(t, "      - file: f.csv\n        table: portal_consents\n        columns: {ID: portal_child_id}\n        unpivot:\n          into: [consent_type, granted]\n          columns: {Foto: photo_portal, Website: photo_external}\n",
			"ID;Foto\n1;ja\n")
		var ie *ingest.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), `"Website" (under unpivot:)`) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("row that does not line up", func(t *testing.T) {
		res, err := load(t, "      - file: f.csv\n        table: portal_consents\n        columns: {ID: portal_child_id}\n        unpivot:\n          into: [consent_type, granted]\n          columns: {Foto: photo_portal, Website: photo_external}\n",
			"ID;Foto;Website\n1;ja;nee\n2;ja\n3;nee;ja;extra\n")
		if err != nil {
			t.Fatal(err)
		}
		in := res.Inputs[0]
		if in.RowsLoaded != 2 || in.RowsRejected != 2 || len(res.Rejects) != 2 {
			t.Fatalf("loaded %d, rejected %d: %+v", in.RowsLoaded, in.RowsRejected, res.Rejects)
		}
		if r := res.Rejects[0]; r.Row != 3 || !strings.Contains(r.Reason.EN, `column "Website"`) || !strings.Contains(r.Reason.NL, `kolom "Website"`) {
			t.Errorf("short row: %+v", r)
		}
		if r := res.Rejects[1]; r.Row != 4 || !strings.Contains(r.Reason.EN, "more filled cells") {
			t.Errorf("long row: %+v", r)
		}
	})
	t.Run("fixed value and the export's own column", func(t *testing.T) {
		_, err := load(t, "      - file: f.csv\n        table: accounts\n        columns: {User: username}\n        values: {system: Bitcare}\n", "User;system\na;Flexkids\n")
		var ie *ingest.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), `"system" and the manifest's values: system: both fill system`) || !strings.Contains(ie.Dutch(), "vullen allebei system") {
			t.Fatalf("got %v", err)
		}
	})
}
