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
		[]string{"2026-09-01.json niet vervangen: die audit van dezelfde peildatum voerde 26 controle(s) uit die deze niet uitvoerde (account_after_employment, account_scope_exceeds_role, account_shared, ...)"}, nil)
	if now, _ := os.ReadFile(file); !bytes.Equal(full, now) {
		t.Error("the run of one area replaced the full run in the history")
	}
	avgaudit(t, dir, "audit", "--lang", "en").expect(t, 0, []string{"full results kept for next year in "}, nil)
}
