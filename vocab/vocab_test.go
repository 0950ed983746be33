package vocab

import (
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	if err := load(data); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		"areas: [{code: a, nl: A}]",                                 // no English
		"areas: [{code: a, nl: A, en: A}, {code: a, nl: B, en: B}]", // twice
	} {
		if err := load([]byte(bad + "\nseverities: [{code: x, nl: x, en: x}]\nlevels: [{code: x, nl: x, en: x}]\nstatuses: [{code: x, nl: x, en: x}]\ntrends: [{code: x, nl: x, en: x}]\nacceptance_statuses: [{code: x, nl: x, en: x}]")); err == nil || !strings.Contains(err.Error(), "areas") {
			t.Errorf("load(%s) = %v, want an error naming areas", bad, err)
		}
	}
	if err := load(data); err != nil { // the real one again, for the other tests
		t.Fatal(err)
	}
	if got := Areas.Names("en")["toegang"]; got != "Access and accounts" {
		t.Errorf("toegang in English = %q", got)
	}
}

// TestSeverityWordsAreNotLevelWords: a check's severity ("Ernst") and its
// risk level ("Niveau") stand side by side in the reports; they may not
// share a word in either language, so a reader never sees "info" next to
// "hoog" or "high" meaning two things.
func TestSeverityWordsAreNotLevelWords(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		levels := map[string]bool{}
		for _, w := range Levels.Names(lang) {
			levels[strings.ToLower(w)] = true
		}
		for code, w := range Severities.Names(lang) {
			if levels[strings.ToLower(w)] {
				t.Errorf("severity %s is %q in %s, which is also a risk level's word", code, w, lang)
			}
		}
	}
}
