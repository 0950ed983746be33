package ingest_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
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
		if r.File == "toestemmingen.csv" && r.Row == 3 && r.Column == "Foto's op onze website" && r.Value == "misschien" {
			found = true
		} else {
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
