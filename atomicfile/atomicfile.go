// Package atomicfile writes files that are either complete or absent: the
// content goes to a temporary file in the same folder, which is renamed
// into place only when it is written and closed. An interrupted or failed
// write leaves the file at the path as it was, and no temporary file.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"
)

// Write writes the file at path with write and gives it permissions perm.
// The folder must exist. An existing file is replaced only when write and
// the file's close succeed; on any error the temporary file is removed and
// the error returned as it is, for the caller to name the file it was
// writing.
func Write(path string, perm os.FileMode, write func(io.Writer) error) error {
	tmp, err := Temp(filepath.Dir(path), filepath.Base(path), perm, write)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// Temp writes a complete temporary file for a file named name in folder
// dir, "."+name+".tmp-" and a random suffix, with write and permissions
// perm, and returns its path: the caller renames it into place (a set of
// files replaced together) or removes it. On any error no temporary file
// is left.
func Temp(dir, name string, perm os.FileMode, write func(io.Writer) error) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return "", err
	}
	err = write(f)
	if err == nil {
		err = f.Chmod(perm)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
