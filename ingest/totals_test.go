package ingest

import "testing"

func TestTotalsRow(t *testing.T) {
	tests := []struct {
		cells []string
		want  bool
	}{
		{[]string{"Totaal: 12 kinderen"}, true},
		{[]string{"TOTAAL", "12"}, true},
		{[]string{"", " Aantal ", "3", "01-09-2026"}, true},
		{[]string{"Grand total", "1.234,56"}, true},
		{[]string{"Totalen", "3"}, false},   // another word
		{[]string{"Totaal", "Anna"}, false}, // a name after it: a record
		{[]string{"K1", "Totaal"}, false},   // not the first cell
		{[]string{"Tö", "1"}, false},        // shorter than any word, not ASCII
		{[]string{"", ""}, false},
		{[]string{" \tCount", "3"}, true}, // leading spaces, another case
		{[]string{"7", "3"}, false},       // a number first
	}
	for _, tt := range tests {
		if _, got := totalsRow(tt.cells); got != tt.want {
			t.Errorf("totalsRow(%q) = %v, want %v", tt.cells, got, tt.want)
		}
	}
}
