package ingest

import "testing"

func TestSniffDelimiter(t *testing.T) {
	tests := []struct {
		name, sample string
		want         rune
	}{
		{"semicolons", "a;b;c\n1;2;3\n", ';'},
		{"commas inside values of a semicolon file", "naam;bedrag\nJansen, P.;1,50\nBakker;2,75\n", ';'},
		{"more commas in the header than semicolons", "a,b;c\n1;2\n3;4\n5;6\n", ';'},
		{"title row without delimiters", "Overzicht kinderen\n\na\tb\tc\n1\t2\t3\n", '\t'},
		{"delimiter inside quotes does not count", "\"a;b;c\",d\n\"1;2\",3\n", ','},
		{"line break inside quotes does not end a record", "\"a\nb|c\",d,e\n1,2,3\n", ','},
		{"pipes", "a|b\n1|2\n", '|'},
		{"single quotes are not quotes", "plaats;naam\n's-Hertogenbosch;D'Souza\n", ';'},
		{"nothing to go on", "abc\n", ','},
		{"empty", "", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniffDelimiter(tt.sample); got != tt.want {
				t.Errorf("sniffDelimiter(%q) = %q, want %q", tt.sample, got, tt.want)
			}
		})
	}
}
