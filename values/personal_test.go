package values

import (
	"testing"
	"unicode/utf8"
)

func TestFindPhones(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tel 0636026322", "tel [p]"},
		{"+31636026322", "[p]"},
		{"bel +31 6 36026322.", "bel [p]."},
		{"bel 06-36026322 of 06 36026322", "bel [p] of [p]"},
		{"0031 6 3602 6322", "[p]"},
		{"(020) 123 4567", "[p]"},
		{"020-1234567, 020 123 45 67", "[p], [p]"},
		{"+31 (0)6 36026322", "[p]"},
		{"06.36.02.63.22", "[p]"},
		// Not phone numbers.
		{"01-09-2026 12", "01-09-2026 12"},
		{"2026-09-01", "2026-09-01"},
		{"123456782", "123456782"},
		{"1234567890", "1234567890"},
		{"K0612345678", "K0612345678"},
		{"NL91ABNA0417164300", "NL91ABNA0417164300"},
		{"rij 12 van 3400", "rij 12 van 3400"},
		{"0612345", "0612345"},
	}
	for _, tt := range tests {
		if got := replaceAll(tt.in, FindPhones(tt.in), "[p]"); got != tt.want {
			t.Errorf("FindPhones(%q): %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindPostcodes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"6579 GW Tiel", "[pc] Tiel"},
		{"6579GW", "[pc]"},
		{"postcode 6579gw.", "postcode [pc]."},
		{"1011AB", "[pc]"},
		// Not postcodes.
		{"0579 GW", "0579 GW"},
		{"6579 SA", "6579 SA"}, // SA, SD and SS are not used
		{"in 2025 is", "in 2025 is"},
		{"1011 ab", "1011 ab"}, // lower case with a space: too often a number and a word
		{"6579 GWX", "6579 GWX"},
		{"16579GW", "16579GW"},
		{"in 2025 is", "in 2025 is"},
	}
	for _, tt := range tests {
		if got := replaceAll(tt.in, FindPostcodes(tt.in), "[pc]"); got != tt.want {
			t.Errorf("FindPostcodes(%q): %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMaskValue(t *testing.T) {
	tests := []struct {
		in       string
		nameLike bool
		want     string
	}{
		{"123456782", false, "*****6782"},
		{"123 456 789", false, "*****6789"},
		{"wilhelmina.zonderland@example.nl", false, "w***@***.nl"},
		{"NL91ABNA0417164300", false, "NL91**********00"},
		{"NL91 ABNA 0417 1643 00", false, "NL91**********00"},
		{"0636026322", false, "06******22"},
		{"+31 6 36026322", false, "+3******22"},
		{"Wilhelmina Zonderland", false, "W. Z."},
		{"Jan de Vries", false, "J. d. V."},
		{"de Vries", true, "d. V."},
		{"Vries", true, "V."},
		// Left as they are: they tell the user what was wrong.
		{"Vries", false, "Vries"},
		{"morgen", false, "morgen"},
		{"31-02-2025", false, "31-02-2025"},
		{"Foto's website", false, "Foto's website"},
		{"12a", false, "12a"},
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := MaskValue(tt.in, tt.nameLike); got != tt.want {
			t.Errorf("MaskValue(%q, %v) = %q, want %q", tt.in, tt.nameLike, got, tt.want)
		}
	}
}

func replaceAll(s string, locs [][]int, repl string) string {
	out := ""
	last := 0
	for _, l := range locs {
		out += s[last:l[0]] + repl
		last = l[1]
	}
	return out + s[last:]
}

func TestMaskContactsInText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tel 0636026322 of +31 6 36026322, 6579GW Tiel", "tel 06******22 of +3******22, 65** ** Tiel"},
		{"BSN 156\u00a0154\u00a0973", "BSN *****4973"},
		{"op 01-09-2026 om 9:00", "op 01-09-2026 om 9:00"},
	}
	for _, tt := range tests {
		if got := MaskContactsInText(tt.in); got != tt.want {
			t.Errorf("MaskContactsInText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzMaskContacts: the phone, postcode and value maskers never panic,
// keep valid UTF-8 valid, leave no run of 9 digits, and masking twice
// changes nothing more.
func FuzzMaskContacts(f *testing.F) {
	for _, s := range []string{"tel 0636026322", "+31 6 36026322", "6579GW", "(020) 123 4567", "w@x.nl", "NL91ABNA0417164300",
		"Jan de Vries", "156\u00a0154\u00a0973", "01-09-2026 12", "+31 (0)6 36026322"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range []string{MaskContactsInText(s), MaskValue(s, false), MaskValue(s, true)} {
			if utf8.ValidString(s) && !utf8.ValidString(m) {
				t.Fatalf("%q became invalid UTF-8: %q", s, m)
			}
			checkNoValidBSN(t, s, MaskBSNsInText(m))
		}
		once := MaskContactsInText(s)
		if twice := MaskContactsInText(once); twice != once {
			t.Fatalf("MaskContactsInText not idempotent on %q: %q then %q", s, once, twice)
		}
		for _, l := range append(FindPhones(s), FindPostcodes(s)...) {
			if l[0] < 0 || l[1] > len(s) || l[0] >= l[1] {
				t.Fatalf("bad range %v in %q", l, s)
			}
		}
	})
}
