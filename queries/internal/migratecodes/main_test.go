package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDir copies the files of src (recursively) into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestMigrate moves the labels of testdata/queries/codes.go into the
// headers (by a literal in the query, a code in the fixture, a column
// whose values come from the data; keeping a code already declared),
// deletes codes.go, and changes nothing when run again.
func TestMigrate(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("testdata", "queries"), dir)
	out, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	for run := 1; run <= 2; run++ {
		if err := runMigration(dir, "", out); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "codes.go")); !os.IsNotExist(err) {
			t.Errorf("run %d: codes.go not deleted", run)
		}
		for _, name := range []string{"photo_check.sql", "consent_check.sql", "other_check.sql"} {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata", "want", name))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("run %d: %s:\n%s\nwant:\n%s", run, name, got, want)
			}
		}
	}
}

// TestMigrateConflict stops before writing anything when a header labels
// a code differently from codes.go.
func TestMigrateConflict(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("testdata", "queries"), dir)
	path := filepath.Join(dir, "consent_check.sql")
	src, _ := os.ReadFile(path)
	if err := os.WriteFile(path, []byte(strings.Replace(string(src), "late: te laat | late", "late: laat | late", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	err := runMigration(dir, "", os.Stderr)
	if err == nil || !strings.Contains(err.Error(), `consent_check.sql: code "late" of column problem is labelled "laat" | "late" there, "te laat" | "late" in codes.go; make them agree by hand, or run again with -relabel`) {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "codes.go")); err != nil {
		t.Error("codes.go deleted although the migration failed")
	}
	photo, _ := os.ReadFile(filepath.Join(dir, "photo_check.sql"))
	if strings.Contains(string(photo), "-- codes:") {
		t.Error("photo_check.sql written although the migration failed")
	}
}

// TestMigrateRelabel takes codes.go's label with -relabel.
func TestMigrateRelabel(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("testdata", "queries"), dir)
	path := filepath.Join(dir, "consent_check.sql")
	src, _ := os.ReadFile(path)
	if err := os.WriteFile(path, []byte(strings.Replace(string(src), "late: te laat | late", "late: laat | late", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	relabelAll = true
	defer func() { relabelAll = false }()
	if err := runMigration(dir, "", io.Discard); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want, _ := os.ReadFile(filepath.Join("testdata", "want", "consent_check.sql"))
	if string(got) != string(want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
