package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
)

// headerManifest lists one export of testdata/header as admin_children.
func headerManifest(t *testing.T, file, sheet string) *manifest.Manifest {
	t.Helper()
	entry := "file: " + file
	if sheet != "" {
		entry += fmt.Sprintf("\n        sheet: %q", sheet)
	}
	m, err := manifest.Parse(strings.NewReader(`version: 1
systems:
  admin:
    product: Kidsadmin
    files:
      - ` + entry + `
        table: admin_children
        columns: {Kindnummer: child_id, Voornaam: first_name, Geboortedatum: birth_date, Einddatum opvang: care_end}
`))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestHeaderDetection loads exports with titles, notes and blank rows above
// the header, and exports holding two tables, from testdata/header.
func TestHeaderDetection(t *testing.T) {
	tests := []struct {
		name, file, sheet string
		want              [][]string // child_id, birth_date, _row
		wantRejects       []string   // row: reason
		wantErr           string     // exact InputError text
	}{
		{
			name: "totals rows below the data are rejected, not loaded", file: "totals.csv",
			want: [][]string{{"K0001", "2006-11-14", "2"}, {"K0002", "2013-05-28", "3"}},
			wantRejects: []string{
				`4: "Totaal" starts a totals row, not a record, so it is not loaded; delete the row from the export to silence this`,
				`6: "Aantal kinderen: 2" starts a totals row, not a record, so it is not loaded; delete the row from the export to silence this`,
			},
		},
		{
			name: "title, blank row and note above the header", file: "title.csv",
			want: [][]string{{"K0001", "2006-11-14", "5"}, {"K0002", "2013-05-28", "6"}},
		},
		{
			name: "metadata row with a date, blank row inside the data", file: "metadata_and_blank_inside.csv",
			want: [][]string{{"K0001", "2006-11-14", "3"}, {"K0002", "2013-05-28", "5"}, {"K0003", "2020-02-02", "6"}},
		},
		{
			name: "text-only data row after a blank row is data", file: "text_after_blank.csv",
			want: [][]string{{"K0001", "NULL", "2"}, {"K0002", "NULL", "4"}},
		},
		{
			name: "a note beside the table in a text-only row keeps the header", file: "note_beside.csv",
			want: [][]string{{"K0001", "2006-11-14", "2"}, {"K0003", "2020-02-02", "4"}},
			wantRejects: []string{
				"3: the row has 1 more filled cells than the header has columns; a value may contain the delimiter without quotes around it",
			},
		},
		{
			name: "no header: the first row is data", file: "no_header.csv",
			wantErr: `no_header.csv, row 1: the manifest maps "Einddatum opvang" (for care_end), "Geboortedatum" (for birth_date), "Kindnummer" (for child_id), "Voornaam" (for first_name), but the header row has no such column; the header has: "K0001", "Max", "14-11-2006", "31-07-2018"; the first row looks like data, not column names: the export must start with a header row`,
		},
		{
			name: "titled second table below", file: "second_table.csv",
			wantErr: `second_table.csv, row 7: a second table starts here (row 5 is blank): "Oudernummer", "Naam", "Geboortedatum", "E-mailadres"; the table's header is row 1. Put each table on its own sheet or in its own file, or delete the rows that do not belong to this table`,
		},
		{
			name: "header repeated after blank rows", file: "repeated_header.csv",
			wantErr: `repeated_header.csv, row 5: a second table starts here (rows 3-4 are blank): "Kindnummer", "Voornaam", "Geboortedatum", "Einddatum opvang"; the table's header is row 1. Put each table on its own sheet or in its own file, or delete the rows that do not belong to this table`,
		},
		{
			name: "two tables side by side", file: "side_by_side.csv",
			wantErr: `side_by_side.csv, row 1: the header row holds two tables side by side: columns 1-4 ("Kindnummer", "Voornaam", "Geboortedatum", "Einddatum opvang") and columns 6-7 ("Oudernummer", "Naam"), with column 5 empty between them; put each table on its own sheet or in its own file, or, if it is one table, delete the empty column 5`,
		},
		{
			name: "sheet with title rows and a blank row in the data", file: "workbook.xlsx", sheet: "Kinderen",
			want: [][]string{{"K0001", "2006-11-14", "5"}, {"K0002", "2013-05-28", "7"}},
		},
		{
			name: "sheet with tables side by side", file: "workbook.xlsx", sheet: "Naast elkaar",
			wantErr: `workbook.xlsx [Naast elkaar], row 1: the header row holds two tables side by side: columns A-D ("Kindnummer", "Voornaam", "Geboortedatum", "Einddatum opvang") and columns F-G ("Oudernummer", "Naam"), with column E empty between them; put each table on its own sheet or in its own file, or, if it is one table, delete the empty column E`,
		},
		{
			name: "sheet with a titled table below", file: "workbook.xlsx", sheet: "Onder elkaar",
			wantErr: `workbook.xlsx [Onder elkaar], row 7: a second table starts here (rows 4-5 are blank): "Oudernummer", "Naam", "Geboortedatum"; the table's header is row 1. Put each table on its own sheet or in its own file, or delete the rows that do not belong to this table`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openDB(t)
			m := headerManifest(t, tt.file, tt.sheet)
			res, err := ingest.Load(context.Background(), db, os.DirFS("testdata/header"), ".", m)
			if tt.wantErr != "" {
				var ie *ingest.InputError
				if !errors.As(err, &ie) {
					t.Fatalf("got error %v, want an InputError", err)
				}
				if diff := cmp.Diff(tt.wantErr, err.Error()); diff != "" {
					t.Errorf("error (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var rejects []string
			for _, r := range res.Rejects {
				rejects = append(rejects, fmt.Sprintf("%d: %s", r.Row, r.Reason.EN))
			}
			if diff := cmp.Diff(tt.wantRejects, rejects); diff != "" {
				t.Errorf("rejects (-want +got):\n%s", diff)
			}
			checkDutchReasons(t, res.Rejects)
			got := query(t, db, "SELECT child_id, CAST(birth_date AS VARCHAR), CAST(_row AS VARCHAR) FROM admin_children ORDER BY _row")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("loaded rows (-want +got):\n%s", diff)
			}
		})
	}
}
