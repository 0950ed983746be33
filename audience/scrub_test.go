package audience_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
)

var dictionary = []results.Identifier{
	{Value: "Anna de Vries", Kind: "name"},
	{Value: "Anna", Kind: "name"},
	{Value: "van der Meer", Kind: "name"},
	{Value: "van der", Kind: "name"}, // a tussenvoegsel alone is no name
	{Value: "Sem", Kind: "name"},
	{Value: "Bo", Kind: "name"}, // too short: never replaced
	{Value: "Zoë", Kind: "name"},
	{Value: "anna.devries@example.nl", Kind: "contact"},
	{Value: "06-12345678", Kind: "contact"},
	{Value: "Lindelaan 95", Kind: "contact"},
	{Value: "NL91ABNA0417164300", Kind: "bank_account"},
	{Value: "2021-03-04", Kind: "birth_date"},
	{Value: "04-03-2021", Kind: "birth_date"},
	{Value: "K0001", Kind: "id"},
	{Value: "jdevries", Kind: "id"},
	{Value: "111222333", Kind: "bsn"},
	{Value: "Ties", Kind: "name"},
	{Value: "May", Kind: "name"},
}

func TestScrubber(t *testing.T) {
	sc := audience.NewScrubber(dictionary)
	tests := []struct{ name, in, lang, want string }{
		{"full name, longest first", "Gegeven door Anna de Vries.", "nl", "Gegeven door [naam]."},
		{"case-insensitive", "gegeven door ANNA DE VRIES", "nl", "gegeven door [naam]"},
		{"words of a name apart", "Vries, Anna", "nl", "[naam], [naam]"},
		{"two names in a row are one marker", "Anna Vries", "nl", "[naam]"},
		{"part of a word is kept", "Annabel en Semira", "nl", "Annabel en Semira"},
		{"particles are not names", "de kinderen van de groep", "nl", "de kinderen van de groep"},
		{"an ordinary word only as written", "niet meer dan 72 uur; familie Meer", "nl", "niet meer dan 72 uur; familie [naam]"},
		{"a stopword name in English", "you may ask May", "en", "you may ask [name]"},
		{"too short", "Bo en Sem", "nl", "Bo en [naam]"},
		{"diacritics", "Zoë en ZOË", "nl", "[naam] en [naam]"},
		{"e-mail from the data", "mail anna.devries@example.nl!", "nl", "mail [e-mail]!"},
		{"e-mail not in the data", "mail: piet.puk@voorbeeld.nl.", "en", "mail: [e-mail]."},
		{"iban from the data", "rekening NL91ABNA0417164300", "nl", "rekening [IBAN]"},
		{"iban in groups, not in the data", "rekening NL02 ABNA 0123 4567 89 sinds 2020", "nl", "rekening [IBAN] sinds 2020"},
		{"invalid iban kept", "code NL00ABNA0123456789", "nl", "code NL00ABNA0123456789"},
		{"dates", "geboren 2021-03-04, ook 04-03-2021 of 2021-03-05", "en", "geboren [date], ook [date] of 2021-03-05"},
		{"a birth date in a message about it", "De geboortedatum van kind K1 verschilt: 04-03-2021 in de administratie", "nl", "De geboortedatum van kind K1 verschilt: [datum] in de administratie"},
		{"the same date in another context stays", "Verwerkersovereenkomst getekend op 04-03-2021", "nl", "Verwerkersovereenkomst getekend op 04-03-2021"},
		{"a sentence ends the birth context", "Geboren in maart. Overeenkomst getekend op 2021-03-04", "nl", "Geboren in maart. Overeenkomst getekend op 2021-03-04"},
		{"ids", "kind K0001 en K00011, account jdevries", "en", "kind [identifier] en K00011, account [identifier]"},
		{"contact of two words", "woont Lindelaan 95 of Lindelaan 96", "nl", "woont [contactgegeven] of Lindelaan 96"},
		{"phone with other punctuation", "bel 06 12345678", "nl", "bel [contactgegeven]"},
		{"bsn", "BSN 111222333", "nl", "BSN [BSN]"},
		// Issue 12: phone numbers and postcodes in any form, also not in the
		// data, and BSN-like numbers in any grouping.
		{"phone compact, not in the data", "tel 0636026322", "nl", "tel [contactgegeven]"},
		{"phone +31", "tel +31636026322.", "nl", "tel [contactgegeven]."},
		{"phone +31 spaced", "tel +31 6 36026322", "en", "tel [contact detail]"},
		{"phone written another way than in the data", "bel 0612345678", "nl", "bel [contactgegeven]"},
		{"postcode without space", "6579GW Tiel", "nl", "[contactgegeven] Tiel"},
		{"postcode with space", "6579 GW", "nl", "[contactgegeven]"},
		{"nine digits grouped", "nummer 156\u00a0154\u00a0973 en 69.39.58.832", "nl", "nummer [BSN] en [BSN]"},
		{"a phone in a sentence", "behandeld door de administratie, tel 0612345678", "nl", "behandeld door de administratie, tel [contactgegeven]"},
		{"dates and amounts are kept", "op 01-09-2026 12 kinderen, € 1234567.89", "nl", "op 01-09-2026 12 kinderen, € 1234567.89"},
		{"markers are left alone", "[naam] en [e-mail]", "nl", "[naam] en [e-mail]"},
		{"a name as a file path", "OneDrive/Kinddossiers/Anna de Vries/intake.pdf", "nl", "OneDrive/Kinddossiers/[naam]/intake.pdf"},
		{"empty", "", "nl", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sc.Text(tt.in, tt.lang); got != tt.want {
				t.Errorf("Text(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzScrubber scrubs a text with a dictionary made from the fuzz input: it
// must not panic, must keep valid UTF-8 valid, and no dictionary word that
// stood in the text as a whole word may be left as a whole word.
func FuzzScrubber(f *testing.F) {
	f.Add("Anna Jansen", "Gegeven door Anna Jansen op 04-03-2021.")
	f.Add("Zoë van der Meer", "ZOË, mail zoe@x.nl [naam] Meer")
	f.Add("K0001 jdevries", "K0001/K0002 jdevries@org.nl NL91 ABNA 0417 1643 00")
	f.Add("éanna", "éanna@x.nl anna éNL91ABNA0417164300")
	f.Fuzz(func(t *testing.T, words, text string) {
		var ids []results.Identifier
		for _, w := range strings.Fields(words) {
			ids = append(ids, results.Identifier{Value: w, Kind: "id"})
		}
		got := audience.NewScrubber(ids).Text(text, "nl")
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 out of %q: %q", text, got)
		}
		inText := map[string]bool{}
		for _, w := range words_(text) {
			inText[strings.ToLower(w)] = true
		}
		left := map[string]bool{}
		for _, w := range words_(got) {
			left[strings.ToLower(w)] = true
		}
		for _, id := range ids {
			ws := words_(id.Value)
			if len(ws) != 1 || utf8.RuneCountInString(id.Value) < 3 || ws[0] != id.Value || audience.IsOrdinaryWord(id.Value) {
				continue
			}
			w := strings.ToLower(id.Value)
			if inText[w] && left[w] {
				t.Fatalf("%q is still in %q (from %q)", id.Value, got, text)
			}
		}
	})
}

// words_ splits s into words as the scrubber does, leaving out markers.
func words_(s string) []string {
	for _, m := range audience.Markers {
		s = strings.ReplaceAll(strings.ReplaceAll(s, m.NL, " "), m.EN, " ")
	}
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
	})
}

// TestScrubberValue: a finding's value in a column of birth dates loses
// its date of birth; the same date in another column stays.
func TestScrubberValue(t *testing.T) {
	sc := audience.NewScrubber(dictionary)
	for _, tt := range []struct{ value, column, want string }{
		{"2021-03-04", "birth_date", "[datum]"},
		{"04-03-2021", "Geboortedatum portaal", "[datum]"},
		{"2021-03-04", "agreement_signed_at", "2021-03-04"},
		{"2021-03-04", "", "2021-03-04"},
	} {
		if got := sc.Value(tt.value, tt.column); got != tt.want {
			t.Errorf("Value(%q, %q) = %q, want %q", tt.value, tt.column, got, tt.want)
		}
	}
}
