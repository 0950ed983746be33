package profiles_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/profiles"
)

// TestRecogniseNewRegisters places English exports of the registers added
// for issue 11 (the sample organisation covers the Dutch headers): every
// column mapped, the PRK overview's kinds of worker recognised.
func TestRecogniseNewRegisters(t *testing.T) {
	p, err := profiles.Recognise(os.DirFS("testdata/registers-en"), ".", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range p.Unplaced {
		t.Errorf("not placed: %s: %s", u.Label(), u.Reason.EN)
	}
	got := map[string]string{}
	cols := map[string]map[string]string{}
	for _, pl := range p.Placed {
		got[pl.Label()] = pl.Result.Table + " (" + pl.Result.Score().EN + ")"
		cols[pl.Label()] = map[string]string{}
		for i, c := range pl.Result.Columns {
			cols[pl.Label()][pl.Header[i]] = c
		}
	}
	want := map[string]string{
		"PRK export.csv":            "prk_links (7 of 7 columns)",
		"intune-devices.csv":        "devices (8 of 9 columns)",
		"cameras.csv":               "cameras (8 of 8 columns)",
		"staff confidentiality.csv": "staff_privacy (3 of 3 columns)",
		"accounts.csv":              "accounts (7 of 7 columns)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("placed (-want +got):\n%s", diff)
	}
	if c := cols["accounts.csv"]["MFA enabled"]; c != "mfa" {
		t.Errorf("accounts.csv: MFA enabled proposed as %q, want mfa", c)
	}
	for _, pl := range p.Placed {
		if pl.Label() != "PRK export.csv" {
			continue
		}
		wantKinds := map[string]string{"Agency worker": "temp", "Trainee": "intern"}
		if diff := cmp.Diff(wantKinds, pl.Values["kind"]); diff != "" {
			t.Errorf("PRK kinds (-want +got):\n%s", diff)
		}
	}
}
