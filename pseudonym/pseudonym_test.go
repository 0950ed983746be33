package pseudonym

import (
	"github.com/avgaudit/avgaudit/results"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestOf(t *testing.T) {
	p, err := New(SampleKey)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := New([]byte("another key of enough length"))
	a := p.Of("admin_children", "K0001")
	if !regexp.MustCompile(`^P-[0-9a-f]{12}$`).MatchString(a) {
		t.Errorf("pseudonym %q: want P- and 12 hex digits", a)
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
