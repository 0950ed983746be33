package profiles_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/avgaudit/avgaudit/profiles"
)

// TestBlindShapes checks the rules orgD (a synthetic reduction of the
// shapes of a second blind test) guards beyond its column mapping: the
// placements join the children by their number, a user list without a
// system column gets the first word of its file name, a free-text
// agreement status is read as yes or no by its words, the question column
// of a long consent export is the consent type by its values, and no
// export is left unplaced.
func TestBlindShapes(t *testing.T) {
	p, err := profiles.Recognise(os.DirFS(filepath.Join("testdata", "blind", "orgD")), ".", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range p.Unplaced {
		if u.File != "expected.map" {
			t.Errorf("not placed: %s: %s", u.Label(), u.Reason.EN)
		}
	}
	by := map[string]profiles.Placement{}
	for _, pl := range p.Placed {
		by[pl.Label()] = pl
	}
	if pl := by["Opvangnet_plaatsingen.csv"]; pl.Join != "child_id" || pl.JoinTo != "Opvangnet_kinderen.csv" || pl.Result.Table != "admin_children" {
		t.Errorf("placements: join %q to %q on %s, want child_id to Opvangnet_kinderen.csv on admin_children", pl.Join, pl.JoinTo, pl.Result.Table)
	}
	if pl := by["Opvangnet_kinderen.csv"]; pl.Draft || pl.Join != "" || pl.Result.Table != "admin_children" {
		t.Errorf("children: draft %v, join %q, table %s", pl.Draft, pl.Join, pl.Result.Table)
	}
	if got := by["kwebbelapp_medewerkers.csv"].Fixed["system"]; got != "kwebbelapp" {
		t.Errorf("accounts' system: %q, want kwebbelapp", got)
	}
	status := by["Privacyregister verwerkers.csv"].Values["agreement_present"]
	for label, want := range map[string]string{"getekend 12-03-2024": "ja", "verlengd tot 2027": "ja", "in behandeling": "nee", "ontbreekt": "nee", "n.v.t.": ""} {
		if got, ok := status[label]; !ok || got != want {
			t.Errorf("agreement status %q: %q (mapped %v), want %q", label, got, ok, want)
		}
	}
	if got := by["intake_toestemmingen.csv"].Lookup; got["portal_child_id"] != "child_id" {
		t.Errorf("intake consents by the administration's number: lookup %v, want portal_child_id: child_id", got)
	}
	if pl := by["Social media register.csv"]; pl.Lookup["child_id"] != "name" || pl.Split["child_id"] != "," {
		t.Errorf("social posts naming children: lookup %v, split %v; want child_id by name, split on \",\"", pl.Lookup, pl.Split)
	}
	if got := by["Verzoeken betrokkenen.csv"].Values["extension_notified_at"]["ja, mail 01-10-2026"]; got != "01-10-2026" {
		t.Errorf("an extension told in a text with its date: %q, want 01-10-2026", got)
	}
	consents := by["kwebbelapp_toestemmingen.csv"].Values["consent_type"]
	for label, want := range map[string]string{"Foto's en filmpjes in de app": "photo_portal", "Foto's op website en Facebook": "photo_external", "Ophalen door oma of buurvrouw": "pickup_by_others", "Mee naar de speeltuin": "-"} {
		if consents[label] != want {
			t.Errorf("consent question %q: %q, want %q", label, consents[label], want)
		}
	}
}
