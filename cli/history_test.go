package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestHistoryKeepsFullerRun audits the sample in full, then one area
// again on the same reference date: the history keeps the full run, which
// next year's audit compares with, and says so. A full run replaces it.
func TestHistoryKeepsFullerRun(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "avgaudit-rapport", "historie", "2026-09-01.json")
	avgaudit(t, dir, "audit", "--quiet").expect(t, 0, nil, nil)
	full, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	avgaudit(t, dir, "audit", "--only", "toestemming").expect(t, 0,
		[]string{"2026-09-01.json niet vervangen: die audit van dezelfde peildatum voerde 36 controles uit die deze niet uitvoerde (account_after_employment, account_hygiene, account_scope_beyond_groups, ...)"}, nil)
	if now, _ := os.ReadFile(file); !bytes.Equal(full, now) {
		t.Error("the run of one area replaced the full run in the history")
	}
	avgaudit(t, dir, "audit", "--lang", "en").expect(t, 0, []string{"full results kept for next year in "}, nil)
}

// TestOtherAudiencesWarned: reports of an audience a later run does not
// write are left alone, with a warning that names them.
func TestOtherAudiencesWarned(t *testing.T) {
	dir := t.TempDir()
	avgaudit(t, dir, "audit", "--audience", "all", "--quiet").expect(t, 0, nil, nil)
	avgaudit(t, dir, "audit", "--audience", "risk", "--quiet").expect(t, 0, nil,
		[]string{"rapporten van een eerdere run, die deze run niet vervangt (andere --audience): resultaten-bestuur.json, rapport-bestuur.xlsx, rapport-bestuur.html, resultaten-fg.json, rapport-fg.xlsx, rapport-fg.html"})
	if _, err := os.Stat(filepath.Join(dir, "avgaudit-rapport", "rapport-fg.html")); err != nil {
		t.Errorf("the FG report of the earlier run was removed: %v", err)
	}
}

// TestHistoryIsFGResults: the history file holds the FG's results byte for
// byte, whether this run wrote them (and the history reuses them) or not.
func TestHistoryIsFGResults(t *testing.T) {
	all, risk := t.TempDir(), t.TempDir()
	avgaudit(t, all, "audit", "--audience", "all", "--quiet").expect(t, 0, nil, nil)
	avgaudit(t, risk, "audit", "--audience", "risk", "--quiet").expect(t, 0, nil, nil)
	fg, err := os.ReadFile(filepath.Join(all, "avgaudit-rapport", "resultaten-fg.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{all, risk} {
		kept, err := os.ReadFile(filepath.Join(dir, "avgaudit-rapport", "historie", "2026-09-01.json"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(kept, fg) {
			t.Errorf("%s: the history file differs from resultaten-fg.json", dir)
		}
	}
}
