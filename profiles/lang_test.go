package profiles_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/avgaudit/avgaudit/profiles"
	"github.com/avgaudit/avgaudit/vocab"
)

// TestEveryTextInBothLanguages recognises every folder of exports the
// tests have and checks that each reason, note, why and comment of the
// proposal has a Dutch and an English text (each is written in both where
// it is made: a message that lacks one fails here; vocab's
// TestBilingualSources checks the templates themselves).
func TestEveryTextInBothLanguages(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/corpus/*")
	dirs = append(dirs, "testdata/messy", "testdata/registers-en", "../samples/org", "../cli/testdata/init/draft", "../cli/testdata/init/export")
	n := 0
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		p, err := profiles.Recognise(os.DirFS(dir), ".", "")
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		check := func(what string, tx vocab.Text) {
			t.Helper()
			n++
			if !tx.Complete() {
				t.Errorf("%s: %s lacks a language: %+v", dir, what, tx)
			}
		}
		for _, u := range p.Unplaced {
			check(u.Label()+" reason", u.Reason)
		}
		for _, pl := range append(p.Placed, p.Drafts()...) {
			check(pl.Label()+" score", pl.Result.Score())
			for _, note := range pl.Notes {
				check(pl.Label()+" note", note)
			}
			for i, why := range pl.Result.Why {
				check(pl.Label()+" why "+pl.Header[i], why)
			}
			for _, m := range pl.ValueComments {
				for label, c := range m {
					check(pl.Label()+" value "+label, c)
				}
			}
			if pl.Result.RunnerUp != (vocab.Text{}) {
				check(pl.Label()+" runner-up", pl.Result.RunnerUp)
			}
		}
		if p.AsOf != "" {
			check("as_of", p.AsOfSummary())
		}
	}
	if n < 100 {
		t.Errorf("only %d texts checked: are the folders still there?", n)
	}
}
