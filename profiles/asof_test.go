package profiles_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/profiles"
)

// TestRecogniseAsOf proposes as_of from the reference date exports give
// above their header, the date most of them give.
func TestRecogniseAsOf(t *testing.T) {
	const kinderen = "Kindnummer;Voornaam;Einddatum opvang\r\nK1;Zoë;\r\n"
	tests := []struct {
		name  string
		files map[string]string
		asOf  string
		from  []string
		other []string
	}{
		{
			name:  "Peildatum line with the date in the same cell",
			files: map[string]string{"kinderen.csv": "Kidsadmin - Overzicht kinderen\r\nPeildatum: 1-9-2026\r\n\r\n" + kinderen},
			asOf:  "2026-09-01", from: []string{"kinderen.csv"},
		},
		{
			name:  "title with per and the date in the next cell",
			files: map[string]string{"a.csv": "Kinderen per 01-09-2026;;\r\n" + kinderen, "b.csv": "Peildatum;2026-08-01;\r\n" + kinderen},
			asOf:  "2026-09-01", from: []string{"a.csv"}, other: []string{"01-08-2026 in b.csv"},
		},
		{
			name: "the date most exports give",
			files: map[string]string{"a.csv": "Peildatum: 01-08-2026\r\n" + kinderen, "b.csv": "Peildatum: 01-09-2026\r\n" + kinderen,
				"c.csv": "Stand per 01-09-2026\r\n" + kinderen},
			asOf: "2026-09-01", from: []string{"b.csv", "c.csv"}, other: []string{"01-08-2026 in a.csv"},
		},
		{
			name:  "workbook: Peildatum with a date cell next to it",
			files: map[string]string{"konnect.xlsx": peildatumWorkbook(t)},
			asOf:  "2026-09-01", from: []string{"konnect.xlsx [Kinderen]"},
		},
		{
			name: "a day or a count after per is no serial date",
			files: map[string]string{"a.csv": "Stand per 1 september 2026\r\n" + kinderen,
				"b.csv": "Aantal kinderen per locatie;12;\r\n" + kinderen},
		},
		{
			name:  "a title without a reference date",
			files: map[string]string{"kinderen.csv": "Bijgewerkt: 12-8-2026\r\n" + kinderen},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			p, err := profiles.Recognise(fsys, ".", "")
			if err != nil {
				t.Fatal(err)
			}
			if p.AsOf != tt.asOf {
				t.Errorf("as_of %q, want %q", p.AsOf, tt.asOf)
			}
			if diff := cmp.Diff(tt.from, p.AsOfFrom); diff != "" {
				t.Errorf("from (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.other, p.OtherDates); diff != "" {
				t.Errorf("other dates (-want +got):\n%s", diff)
			}
			if got := p.Manifest("x").AsOf; got != tt.asOf {
				t.Errorf("manifest as_of %q, want %q", got, tt.asOf)
			}
			if tt.asOf != "" && !strings.HasPrefix(p.AsOfSummary().EN, "as_of "+tt.asOf+": the reference date (\"Peildatum\") that "+tt.from[0]) {
				t.Errorf("summary %q", p.AsOfSummary().EN)
			}
			if tt.asOf != "" && !strings.Contains(strings.Join(p.Comments().Head, "\n"), "as_of is the reference date") {
				t.Errorf("no comment explains as_of: %q", p.Comments().Head)
			}
		})
	}
}

// peildatumWorkbook is a workbook whose sheet Kinderen has "Peildatum" and a
// date cell above its header.
func peildatumWorkbook(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Kinderen"); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Peildatum", time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)},
		{},
		{"Kind-ID", "Voornaam", "Einddatum plaatsing"},
		{"P1", "Zoë", nil},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("Kinderen", "A"+string(rune('1'+i)), &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
