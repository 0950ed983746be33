package ingest_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/ingest"
)

// previewSummary is what a test compares of a SheetPreview.
type previewSummary struct {
	Sheet, Delimiter string
	HeaderRow        int
	Header           []string
	Rows             [][]string
	DataRows         int
	Distinct         [][]string
	Err              string
}

func summarise(ps []ingest.SheetPreview) []previewSummary {
	var out []previewSummary
	for _, p := range ps {
		s := previewSummary{Sheet: p.Sheet, Delimiter: p.Delimiter, HeaderRow: p.HeaderRow, Header: p.Header, Rows: p.Rows, DataRows: p.DataRows, Distinct: p.Distinct}
		if p.Err != nil {
			s.Err = p.Err.Error()
		}
		out = append(out, s)
	}
	return out
}

func TestPreview(t *testing.T) {
	header := []string{"Kindnummer", "Voornaam", "Geboortedatum", "Einddatum opvang"}
	tests := []struct {
		name string
		file string
		opt  ingest.PreviewOptions
		want []previewSummary
	}{
		{
			name: "title rows above the header", file: "title.csv", opt: ingest.PreviewOptions{SampleRows: 1},
			want: []previewSummary{{Delimiter: ";", HeaderRow: 4, Header: header,
				Rows: [][]string{{"K0001", "Max", "14-11-2006", "31-07-2018"}}, DataRows: 1}},
		},
		{
			name: "distinct values of every row", file: "metadata_and_blank_inside.csv", opt: ingest.PreviewOptions{SampleRows: 1, DistinctValues: 2},
			want: []previewSummary{{Delimiter: ";", HeaderRow: 2, Header: header,
				Rows: [][]string{{"K0001", "Max", "14-11-2006", "31-07-2018"}}, DataRows: 3,
				Distinct: [][]string{{"K0001", "K0002"}, {"Max", "Mila"}, {"14-11-2006", "28-05-2013"}, {"31-07-2018"}}}},
		},
		{
			name: "each sheet of a workbook", file: "workbook.xlsx", opt: ingest.PreviewOptions{SampleRows: 1},
			want: []previewSummary{
				{Sheet: "Kinderen", HeaderRow: 4, Header: header, Rows: [][]string{{"K0001", "Max", "39035", "43312"}}, DataRows: 1},
				{Sheet: "Naast elkaar", Err: `workbook.xlsx [Naast elkaar], row 1: the header row holds two tables side by side: columns A-D ("Kindnummer", "Voornaam", "Geboortedatum", "Einddatum opvang") and columns F-G ("Oudernummer", "Naam"), with column E empty between them; put each table on its own sheet or in its own file, or, if it is one table, delete the empty column E`},
				{Sheet: "Onder elkaar", HeaderRow: 1, Header: header, Rows: [][]string{{"K0001", "Max", "39035", "43312"}}, DataRows: 1},
			},
		},
		{
			name: "a second table found while reading every row", file: "second_table.csv", opt: ingest.PreviewOptions{DistinctValues: 10},
			want: []previewSummary{{Delimiter: ";", HeaderRow: 1, Header: header,
				Rows: [][]string{{"K0001", "Max", "14-11-2006", "31-07-2018"}, {"K0002", "Mila", "28-05-2013", ""}, {"K0003", "Sem", "02-02-2020", ""}, {"Ouders", "", "", ""}}, DataRows: 4,
				Err: `second_table.csv, row 7: a second table starts here (row 5 is blank): "Oudernummer", "Naam", "Geboortedatum", "E-mailadres"; the table's header is row 1. Put each table on its own sheet or in its own file, or delete the rows that do not belong to this table`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ingest.Preview(os.DirFS("testdata/header"), tt.file, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarise(got)); diff != "" {
				t.Errorf("preview (-want +got):\n%s", diff)
			}
		})
	}
}
