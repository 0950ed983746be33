// Package xlsxtest checks workbooks in tests with readers other than
// excelize: openpyxl, which is strict about the file format, and
// LibreOffice. A test that needs one is skipped where it is not installed,
// except on CI (CI set), where it fails: .ci/run installs both. NeedTool
// serves tests that need another program (the reports' Chromium) too.
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Where the readers are installed (Debian's python3-openpyxl and
// libreoffice packages).
const (
	Python3Path     = "/usr/bin/python3"
	LibreOfficePath = "/usr/bin/libreoffice"
)

// NeedTool skips the test when the program at path is missing, except on
// CI, where it fails the test.
func NeedTool(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing on CI: %v", path, err)
		}
		t.Skipf("%s is missing: %v", path, err)
	}
}

// Openpyxl loads file with openpyxl, with Python's warnings turned into
// errors, and runs script with the workbook as wb; it returns what the
// script printed. A file openpyxl cannot load fails the test.
func Openpyxl(t testing.TB, file, script string) string {
	t.Helper()
	NeedTool(t, Python3Path)
	if err := exec.Command(Python3Path, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("python3-openpyxl is missing on CI: %v", err)
		}
		t.Skipf("python3-openpyxl is missing: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// Warnings (a part openpyxl does not understand and drops) are errors:
	// what openpyxl drops, another reader may refuse.
	prog := "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\n" + script
	out, err := exec.CommandContext(ctx, Python3Path, "-W", "error", "-c", prog, file).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl cannot open %s: %v\n%s", filepath.Base(file), err, out)
	}
	return strings.TrimSpace(string(out))
}

// LibreOfficeCSV converts the first sheet of file to CSV with LibreOffice
// and returns it.
func LibreOfficeCSV(t testing.TB, file string) string {
	t.Helper()
	path := LibreOfficeConvert(t, file, "csv", "csv")
	csv, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(csv)
}

// LibreOfficeConvert converts file with LibreOffice to format (an argument
// of --convert-to, such as "csv" or "xlsx:Calc MS Excel 2007 XML") and
// returns the path of the result, whose extension is ext.
func LibreOfficeConvert(t testing.TB, file, format, ext string) string {
	t.Helper()
	NeedTool(t, LibreOfficePath)
	outDir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, LibreOfficePath, "--headless", "--convert-to", format, "--outdir", outDir, file)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir()) // LibreOffice writes its profile there
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	result := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+"."+ext)
	if _, err := os.Stat(result); err != nil {
		t.Fatalf("libreoffice made no %s of %s: %v\n%s", ext, filepath.Base(file), err, out)
	}
	return result
}

// Parts returns the text of every zipped part of a workbook, by part name
// ("xl/worksheets/sheet1.xml"), to look for what must not be in it.
func Parts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v", f.Name, err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}
