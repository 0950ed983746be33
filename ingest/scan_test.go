package ingest_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBSNScan checks that BSNs in exports outside the administration are
// counted per column (not stored), that the administration itself is not
// scanned, and that every header is recorded with the column it fills.
func TestBSNScan(t *testing.T) {
	db := openDB(t)
	if _, err := loadDir(t, db, "testdata/bsnscan"); err != nil {
		t.Fatal(err)
	}
	got := query(t, db, "SELECT system, file, table_name, coalesce(header, '-'), coalesce(column_name, '-'), hits, first_row FROM _bsn_hits ORDER BY file, header NULLS FIRST")
	want := [][]string{
		{"portal", "konnect/notities.csv", "portal_notes", "-", "-", "1", "4"}, // a column without a header
		{"portal", "konnect/notities.csv", "portal_notes", "Login", "-", "1", "3"},
		{"portal", "konnect/notities.csv", "portal_notes", "Notitie", "-", "2", "2"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("_bsn_hits (-want +got):\n%s", d)
	}
	cols := query(t, db, "SELECT file, header_row, position, header, coalesce(column_name, '-') FROM _columns WHERE file LIKE 'konnect%' ORDER BY position")
	wantCols := [][]string{
		{"konnect/notities.csv", "1", "1", "note_id", "note_id"},
		{"konnect/notities.csv", "1", "2", "portal_child_id", "portal_child_id"},
		{"konnect/notities.csv", "1", "3", "category", "category"},
		{"konnect/notities.csv", "1", "4", "created_at", "created_at"},
		{"konnect/notities.csv", "1", "5", "Notitie", "-"},
		{"konnect/notities.csv", "1", "6", "Login", "-"},
		{"konnect/notities.csv", "1", "7", "Telefoon", "-"},
	}
	if d := cmp.Diff(wantCols, cols); d != "" {
		t.Errorf("_columns (-want +got):\n%s", d)
	}
}
