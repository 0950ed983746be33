package acceptance

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds the register parser arbitrary YAML: it never panics, and
// it either returns entries that passed validation or an error in the
// documented form (file name first).
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.yaml")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("accepted_risks:\n  - check: retention_admin\n    record: K00*\n    justification: x\n    approved_by: FG\n    approved_on: 2026-01-01\n    expires_on: 2027-01-01\n"))
	f.Add([]byte("accepted_risks: [{check: [1], approved_on: 31-02-2026}]"))
	checks := Known([]string{"retention_admin", "photo_without_consent"})
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := Parse("register.yaml", data, checks)
		if err != nil {
			var reg *Error
			if errors.As(err, &reg) && len(reg.Problems) == 0 {
				t.Fatalf("an error without problems: %v", err)
			}
			if !strings.Contains(err.Error(), "register.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, e := range entries {
			if !checks[e.CheckID] || e.Justification == "" || e.ApprovedBy == "" || e.ExpiresOn.Before(e.ApprovedOn) {
				t.Fatalf("invalid entry accepted: %+v", e)
			}
		}
	})
}
