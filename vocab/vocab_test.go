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
