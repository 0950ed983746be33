package reports

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/avgaudit/avgaudit/results"
)

const (
	python3Path     = "/usr/bin/python3"
	libreofficePath = "/usr/bin/libreoffice"
)

// writeWorkbook writes the fixture's workbook to a temporary file.
func writeWorkbook(t *testing.T) string {
	t.Helper()
	return writeWorkbookOf(t, fixture(t))
}

// writeWorkbookOf writes run's workbook to a temporary file.
func writeWorkbookOf(t *testing.T, run *results.Run) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "rapport.xlsx")
	if err := os.WriteFile(file, render(t, XLSXReporter{}, run, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestXLSXOpenpyxl opens the workbook with openpyxl, a reader that is
// stricter about the file format than excelize itself.
func TestXLSXOpenpyxl(t *testing.T) {
	openWithOpenpyxl(t, writeWorkbook(t))
}

func openWithOpenpyxl(t *testing.T, file string) {
	t.Helper()
	needTool(t, python3Path)
	if err := exec.Command(python3Path, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("python3-openpyxl is missing on CI: %v", err)
		}
		t.Skipf("python3-openpyxl is missing: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, python3Path, "-c",
		"import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])", file).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl cannot open the workbook: %v\n%s", err, out)
	}
}

// TestXLSXLibreOffice converts the workbook's first sheet to CSV with
// LibreOffice, as a second, independent reader.
func TestXLSXLibreOffice(t *testing.T) {
	csv := convertWithLibreOffice(t, writeWorkbook(t))
	if !strings.Contains(csv, "Kinderopvang De Zonnebloem & Co") {
		t.Errorf("the CSV of the summary lacks the organisation:\n%s", csv)
	}
}

// convertWithLibreOffice converts the workbook's first sheet to CSV and
// returns it.
func convertWithLibreOffice(t *testing.T, file string) string {
	t.Helper()
	needTool(t, libreofficePath)
	outDir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, libreofficePath, "--headless", "--convert-to", "csv", "--outdir", outDir, file)
	// LibreOffice writes its profile to $HOME; give it one of its own.
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	csv, err := os.ReadFile(filepath.Join(outDir, "rapport.csv"))
	if err != nil {
		t.Fatalf("libreoffice made no CSV: %v\n%s", err, out)
	}
	return string(csv)
}
