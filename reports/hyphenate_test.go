package reports

import (
	"strings"
	"testing"
)

func TestHyphenate(t *testing.T) {
	for in, want := range map[string]string{
		"Systeem in gebruik zonder geldige verwerkersovereenkomst": "Systeem in gebruik zonder geldige verwerkers-overeenkomst",
		"Gezondheidsgegevens van een kind":                         "Gezondheids-gegevens van een kind",
		"Toestemmingsvragen niet beantwoord":                       "Toestemmings-vragen niet beantwoord",
		"Kinddossier of inkomensdocument":                          "Kind-dossier of inkomens-document",
		"Kind in het kindvolgsysteem":                              "Kind in het kindvolg-systeem",
		"Account actief na uitdiensttreding":                       "Account actief na uitdienst-treding",
		"Functionaris gegevensbescherming (FG)":                    "Functionaris gegevens-bescherming (FG)",
		"Foto in het ouderportaal":                                 "Foto in het ouder-portaal",
		"Foto":                                                     "Foto",
		"short words stay":                                         "short words stay",
	} {
		if got := strings.ReplaceAll(hyphenate(in), softHyphen, "-"); got != want {
			t.Errorf("hyphenate(%q) = %q, want %q", in, got, want)
		}
	}
}
