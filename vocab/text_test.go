package vocab

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"testing"
)

func TestCount(t *testing.T) {
	tests := []struct {
		n      int
		nl, en string
	}{
		{0, "0", "0"}, {999, "999", "999"}, {1284, "1.284", "1,284"},
		{1048576, "1.048.576", "1,048,576"}, {-12345, "-12.345", "-12,345"},
	}
	for _, tt := range tests {
		if got := Count(tt.n).In("nl"); got != tt.nl {
			t.Errorf("Count(%d).In(nl) = %q, want %q", tt.n, got, tt.nl)
		}
		if got := Count(tt.n).In("en"); got != tt.en {
			t.Errorf("Count(%d).In(en) = %q, want %q", tt.n, got, tt.en)
		}
	}
	got := Textf("%d van %6d rijen, rij %d", "%d of %6d rows, row %d", Count(2), Count(1284), 1284)
	if want := (Text{"2 van  1.284 rijen, rij 1284", "2 of  1,284 rows, row 1284"}); got != want {
		t.Errorf("Textf = %+v, want %+v", got, want)
	}
}

func TestMessage(t *testing.T) {
	inner := Errorf("%s is geen map", "%s is not a directory", "x")
	outer := Wrapf(inner, "lees %s", "read %s", "y")
	if got, want := Message(outer, "nl"), "lees y: x is geen map"; got != want {
		t.Errorf("nl = %q, want %q", got, want)
	}
	if got, want := Message(outer, "en"), "read y: x is not a directory"; got != want || outer.Error() != want {
		t.Errorf("en = %q / %q, want %q", got, outer.Error(), want)
	}
	if !errors.Is(Wrapf(fs.ErrNotExist, "a", "a"), fs.ErrNotExist) {
		t.Error("a cause is not seen by errors.Is")
	}
	// A plain wrapper keeps its words; the bilingual error inside it is Dutch.
	plain := fmt.Errorf("library says: %w", outer)
	if got, want := Message(plain, "nl"), "library says: lees y: x is geen map"; got != want {
		t.Errorf("plain wrapper = %q, want %q", got, want)
	}
	joined := errors.Join(inner, errors.New("other"))
	if got, want := Message(joined, "nl"), "x is geen map\nother"; got != want {
		t.Errorf("joined = %q, want %q", got, want)
	}
	_, err := os.Open("/nonexistent/x")
	if got, want := Message(Wrapf(err, "lees %s", "read %s", "x"), "nl"), "lees x: /nonexistent/x: bestaat niet"; got != want {
		t.Errorf("os error = %q, want %q", got, want)
	}
	if Wrapf(nil, "a", "b") != nil {
		t.Error("Wrapf(nil) is not nil")
	}
}

func TestSprintfPlurals(t *testing.T) {
	tests := []struct {
		lang, format string
		args         []any
		want         string
	}{
		{"nl", "%d {rij|rijen} afgewezen", []any{Count(1)}, "1 rij afgewezen"},
		{"nl", "%d {rij|rijen} afgewezen", []any{Count(0)}, "0 rijen afgewezen"},
		{"nl", "%d {rij|rijen}", []any{Count(1284)}, "1.284 rijen"},
		{"en", "%d {row|rows} and %d {file|files}", []any{Count(2), Count(1)}, "2 rows and 1 file"},
		{"nl", "%*d {rij|rijen}", []any{6, Count(1)}, "     1 rij"},
		{"nl", "{rij|rijen} zonder telling", nil, "rijen zonder telling"},
		{"nl", "%s {rij|rijen}", []any{"a {b|c} 1"}, "a {b|c} 1 rij"}, // an argument's braces stay
		{"nl", "geen keuze {in} dit {x} %d", []any{Count(3)}, "geen keuze {in} dit {x} 3"},
		{"en", "%d of %d {column|columns}", []any{Count(3), Count(1)}, "3 of 1 column"},
	}
	for _, tt := range tests {
		if got := Sprintf(tt.lang, tt.format, tt.args...); got != tt.want {
			t.Errorf("Sprintf(%q, %q) = %q, want %q", tt.lang, tt.format, got, tt.want)
		}
	}
}

func FuzzSprintfPlurals(f *testing.F) {
	f.Add("%d {rij|rijen} %s", 1, "x")
	f.Add("{a|b}{", 2, "{c|d}")
	f.Fuzz(func(t *testing.T, format string, n int, s string) {
		_ = Sprintf("nl", format, Count(n), s) // must not panic
	})
}
