package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
)

// TestXLSXPassword: with a password the workbook is encrypted: it opens
// with the password only, and none of its text is readable without it.
func TestXLSXPassword(t *testing.T) {
	for _, aud := range []string{results.AudienceRisk, results.AudienceFG, results.AudienceManagement} {
		var buf bytes.Buffer
		opt := Options{Lang: "nl", Password: "geheim-2026"}
		var err error
		if aud == results.AudienceManagement {
			err = ManagementXLSXReporter{}.Write(&buf, audience.Management(fixture(t)), opt)
		} else {
			err = XLSXReporter{}.Write(&buf, audience.AssumePrepared(fixture(t), aud), opt)
		}
		if err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		if bytes.HasPrefix(data, []byte("PK")) || bytes.Contains(data, []byte("Samenvatting")) {
			t.Errorf("%s: the workbook is not encrypted", aud)
		}
		if _, err := excelize.OpenReader(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: opened without the password", aud)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{Password: "geheim-2026"})
		if err != nil {
			t.Fatalf("%s: open with the password: %v", aud, err)
		}
		if sheets := f.GetSheetList(); len(sheets) == 0 || !strings.Contains(strings.Join(sheets, ","), "Samenvatting") {
			t.Errorf("%s: sheets %q", aud, sheets)
		}
		f.Close()
	}
}
