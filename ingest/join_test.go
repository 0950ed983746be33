package ingest_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/ingest"
)

// TestLoadJoin loads children and their placements from two exports
// (testdata/join): per child the earliest start, the end blank while a
// placement is open and else the latest, the group of the latest
// placement; a child without placements keeps its own columns, and a
// placement of a child the children's export lacks is rejected.
func TestLoadJoin(t *testing.T) {
	db := openDB(t)
	res, err := loadDir(t, db, "testdata/join")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"K1", "Anna", "Egels", "2020-01-01", "-", "kinderen.csv"},
		{"K2", "Bram", "Egels", "2015-02-01", "2018-07-31", "kinderen.csv"},
		{"K3", "Cor", "-", "-", "-", "kinderen.csv"},
	}
	got := query(t, db, "SELECT child_id, first_name, coalesce(group_name, '-'), coalesce(strftime(care_start, '%Y-%m-%d'), '-'), coalesce(strftime(care_end, '%Y-%m-%d'), '-'), _file FROM admin_children ORDER BY child_id")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var rejected bool
	for _, r := range res.Rejects {
		if r.File == "plaatsingen.csv" && r.Row == 6 && r.Value == "K9" && strings.Contains(r.Reason.EN, "is in no row of the other export of admin_children") {
			rejected = true
		}
	}
	if !rejected {
		t.Errorf("the placement of K9 is not rejected: %+v", res.Rejects)
	}
	var told bool // the children's export is told the placements fill care_end
	for _, c := range res.Columns {
		told = told || (c.File == "kinderen.csv" && c.Column == "care_end" && c.Position == ingest.JoinedPosition)
	}
	if !told {
		t.Errorf("no column info says care_end of kinderen.csv comes from the join: %+v", res.Columns)
	}
	for _, in := range res.Inputs {
		if in.File == "plaatsingen.csv" && (in.RowsLoaded != 4 || in.RowsRejected != 1) {
			t.Errorf("placements: %d loaded, %d rejected; want 4 and 1", in.RowsLoaded, in.RowsRejected)
		}
	}
}

// TestLoadLookup: a consent export naming the child by the
// administration's number gets the portal's ids from portal_children
// (testdata/lookup); a number the portal does not know stays.
func TestLoadLookup(t *testing.T) {
	db := openDB(t)
	if _, err := loadDir(t, db, "testdata/lookup"); err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"P1", "true"}, {"P2", "false"}, {"K7", "true"}}
	if diff := cmp.Diff(want, query(t, db, "SELECT portal_child_id, granted::VARCHAR FROM portal_consents ORDER BY _row")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLoadSkipLabel: rows whose label is mapped to "-" (a question the
// model has no value for) are not made, nor rejected; an unmapped label
// is still rejected (testdata/skiplabel).
func TestLoadSkipLabel(t *testing.T) {
	db := openDB(t)
	res, err := loadDir(t, db, "testdata/skiplabel")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"P1", "photo_portal", "true"}, {"P2", "photo_portal", "false"}}
	if diff := cmp.Diff(want, query(t, db, "SELECT portal_child_id, consent_type, granted::VARCHAR FROM portal_consents ORDER BY _row")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	in := res.Inputs[0]
	if in.RowsRead != 3 || in.RowsLoaded != 2 || in.RowsRejected != 1 {
		t.Errorf("rows read %d, loaded %d, rejected %d; want 3, 2 and 1 (the left-out row is not made)", in.RowsRead, in.RowsLoaded, in.RowsRejected)
	}
	for _, r := range res.Rejects {
		if r.Row != 5 {
			t.Errorf("reject of row %d, want only row 5: %+v", r.Row, r)
		}
	}
}

// TestLoadLookupName: a register naming the children gets their numbers
// (testdata/lookupname): case and spaces do not matter, a name two
// children share and a name no child has are blank.
func TestLoadLookupName(t *testing.T) {
	db := openDB(t)
	if _, err := loadDir(t, db, "testdata/lookupname"); err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"2", "K1"}, {"2", "K4"}, {"3", "-"}, {"4", "-"}}
	if diff := cmp.Diff(want, query(t, db, "SELECT _row::VARCHAR, coalesce(child_id, '-') FROM social_posts ORDER BY _row, child_id")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
