package manifest_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/avgaudit/avgaudit/manifest"
)

// FuzzParse feeds arbitrary text to the manifest parser: it may refuse it,
// never panic; a refusal has a text in English and in Dutch, and what it
// accepts it writes back in a form it accepts again.
func FuzzParse(f *testing.F) {
	f.Add(shapes)
	f.Add("version: 1\nsystems:\n  portal:\n    product: X\n    files:\n      - {file: a.csv, table: portal_consents, unpivot: {into: [consent_type], columns: {A: photo_portal}}, values: {granted: }}\n")
	f.Add("version: 1\nsystems:\n  register:\n    product: X\n    files:\n      - {file: a.csv, table: social_posts, split: {child_id: \"\"}, values: {post_id: [1]}}\n")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := manifest.Parse(strings.NewReader(text))
		if err != nil {
			nl, ok := err.(interface{ Dutch() string })
			if !ok || err.Error() == "" || nl.Dutch() == "" {
				t.Fatalf("error without English and Dutch text: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := manifest.Write(&buf, m, manifest.Comments{}); err != nil {
			t.Fatal(err)
		}
		if _, err := manifest.Parse(bytes.NewReader(buf.Bytes())); err != nil {
			t.Fatalf("written manifest does not read back: %v\n%s", err, buf.String())
		}
	})
}
