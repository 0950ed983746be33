package pseudonym

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
)

func TestOf(t *testing.T) {
	p, err := New(SampleKey)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := New([]byte("another key of enough length"))
	a := p.Of("admin_children", "K0001")
	if !regexp.MustCompile(`^P-[bcdfghjkmnpqrstz]{12}$`).MatchString(a) {
		t.Errorf("pseudonym %q: want P- and 12 letters", a)
	}
	for _, tt := range []struct {
		name string
		b    string
		same bool
	}{
		{"same record", p.Of("admin_children", "K0001"), true},
		{"other record", p.Of("admin_children", "K0002"), false},
		{"other table", p.Of("portal_children", "K0001"), false},
		{"other key", q.Of("admin_children", "K0001"), false},
		{"no concatenation clash", p.Of("admin_childrenK", "0001"), false},
	} {
		if (a == tt.b) != tt.same {
			t.Errorf("%s: %q vs %q, want same=%v", tt.name, a, tt.b, tt.same)
		}
	}
	if p.KeyID() == q.KeyID() || p.KeyID() != p.KeyID() {
		t.Error("KeyID does not tell keys apart")
	}
	if _, err := New([]byte("short")); err == nil {
		t.Error("New accepted a 5-byte key")
	}
}

func TestLoadOrCreate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "historie", "pseudoniemsleutel")
	p1, created, err := LoadOrCreate(path)
	if err != nil || !created {
		t.Fatalf("first LoadOrCreate: created=%v err=%v", created, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		t.Errorf("key file mode %v: others can read it", st.Mode().Perm())
	}
	p2, created, err := LoadOrCreate(path)
	if err != nil || created {
		t.Fatalf("second LoadOrCreate: created=%v err=%v", created, err)
	}
	if p1.KeyID() != p2.KeyID() {
		t.Error("the key read back differs from the one created")
	}
	if err := os.WriteFile(path, []byte("not hex\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadOrCreate(path); err == nil {
		t.Error("a damaged key file was accepted")
	}
}

func TestFindingKey(t *testing.T) {
	p, _ := New(SampleKey)
	ps := p.Of("t", "K1")
	tests := []struct {
		name string
		f    results.Finding
		want string
	}{
		{"plain", results.Finding{Key: "c|t|K1", Table: "t", RecordKey: "K1"}, "c|t|" + ps},
		{"repeat", results.Finding{Key: "c|t|K1#2", Table: "t", RecordKey: "K1"}, "c|t|" + ps + "#2"},
		{"unexpected suffix dropped", results.Finding{Key: "c|t|K1 Anna", Table: "t", RecordKey: "K1"}, "c|t|" + ps},
		{"already a pseudonym", results.Finding{Key: "c|t|" + ps, Table: "t", RecordKey: ps}, "c|t|" + ps},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.FindingKey("c", tt.f); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNoDigitRuns: a pseudonym never holds a run of digits, so the BSN
// masker, which masks every 9-digit number in a text, never touches one
// (issue 12: "P-ea*****3928b" broke keys and the next year's comparison).
func TestNoDigitRuns(t *testing.T) {
	p, err := New(SampleKey)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20000; i++ {
		ps := p.Of("admin_children", strconv.Itoa(i))
		if !IsPseudonym(ps) {
			t.Fatalf("%q is not of the pseudonym form", ps)
		}
		if strings.ContainsAny(ps[len(Prefix):], "0123456789") {
			t.Fatalf("pseudonym %q holds digits", ps)
		}
		if got := values.MaskBSNsInText("c|t|" + ps); got != "c|t|"+ps {
			t.Fatalf("the BSN masker changed %q into %q", ps, got)
		}
	}
}

// TestLegacy: a pseudonym of an earlier avgaudit (12 hex digits) is the
// same MAC as the current one, so it is converted without the key; one the
// old masker broke ("P-ea*****3928b") is recognised among the current
// pseudonyms by its visible digits.
func TestLegacy(t *testing.T) {
	p, _ := New(SampleKey)
	ps := p.Of("t", "K1")
	hexForm := Prefix + p.mac("record\x00t\x00K1")[:12]
	if got := Upgrade("c|t|" + hexForm + "#2"); got != "c|t|"+ps+"#2" {
		t.Errorf("Upgrade(%q) = %q, want %q", hexForm, got, "c|t|"+ps+"#2")
	}
	if got := Upgrade("c|t|" + ps); got != "c|t|"+ps {
		t.Errorf("Upgrade changed a current pseudonym: %q", got)
	}
	if got := Upgrade("c|t|K1"); got != "c|t|K1" {
		t.Errorf("Upgrade changed a record key: %q", got)
	}
	// A hex pseudonym with nine digits in a row, as the old masker broke it.
	var key, broken, want string
	for i := 0; ; i++ {
		h := p.mac("record\x00t\x00" + strconv.Itoa(i))[:12]
		if loc := regexp.MustCompile(`[0-9]{9}`).FindStringIndex(h); loc != nil {
			key = strconv.Itoa(i)
			broken = "c|t|" + Prefix + h[:loc[0]] + "*****" + h[loc[1]-4:loc[1]] + h[loc[1]:]
			want = "c|t|" + p.Of("t", key)
			break
		}
	}
	if !Broken(broken) {
		t.Fatalf("Broken(%q) = false", broken)
	}
	if Broken(want) || Broken("c|t|*****6782") {
		t.Error("Broken is true for an intact key")
	}
	if got, ok := Repair(broken, []string{"c|t|" + p.Of("t", "x"), want}); !ok || got != want {
		t.Errorf("Repair(%q) = %q, %v; want %q", broken, got, ok, want)
	}
	if _, ok := Repair(broken, []string{"c|t|" + p.Of("t", "x")}); ok {
		t.Error("Repair matched a pseudonym of another record")
	}
}
