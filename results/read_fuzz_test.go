package results

import (
	"bytes"
	"os"
	"testing"
)

// FuzzRead feeds Read arbitrary bytes, as --previous does with whatever
// file it is given: it never panics and either reads a run of a version it
// knows or says why not.
func FuzzRead(f *testing.F) {
	if b, err := os.ReadFile("testdata/v1.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"schema_version": 2, "audience": "risk", "checks": [{"id": "c", "findings": [{"key": "k"}]}]}`))
	f.Add([]byte(`{"schema_version": 1, "rejects": [{"reason": "x"}]}`))
	f.Add([]byte(`{"schema_version": 2, "rejects": [{"reason": {"nl": "a", "en": "b"}}]}`))
	f.Add([]byte(`{"schema_version": 1, "policy": [{"name": "a", "value": "1", "doc": "x"}]}`))
	f.Add([]byte(`{"schema_version": 2, "policy": [{"name": "a", "value": "1", "doc": {"nl": "x", "en": "y"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		run, err := Read(bytes.NewReader(data))
		if err != nil {
			if run != nil {
				t.Fatal("a run and an error")
			}
			return
		}
		if run.SchemaVersion < 1 || run.SchemaVersion > SchemaVersion || run.Audience == AudienceManagement {
			t.Fatalf("read a run of version %d, audience %q", run.SchemaVersion, run.Audience)
		}
	})
}
