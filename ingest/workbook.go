package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/avgaudit/avgaudit/vocab"
	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// workbooks caches opened workbooks, since a manifest often loads several
// sheets of one file.
type workbooks struct {
	password string
	tmpDir   string // excelize's temporary files and copies of workbooks; "" for the system's
	open     map[string]*openBook
	temp     []string // copies of workbooks from a non-directory fs.FS
}

type openBook struct {
	x        *xlsxFile      // a plain .xlsx, read by the streaming reader
	f        *excelize.File // an encrypted one, decrypted by excelize
	sum      string
	date1904 bool // serial dates count from 1904 (a Mac Excel setting)
}

// sheetNames lists the workbook's sheets in order.
func (b *openBook) sheetNames() []string {
	if b.x != nil {
		return b.x.sheetNames()
	}
	return b.f.GetSheetList()
}

// rows opens a sheet for reading.
func (b *openBook) rows(sheet string) (rowReader, error) {
	if b.x != nil {
		return b.x.sheet(sheet)
	}
	return newSheetReader(b.f, sheet)
}

func newWorkbooks(password, tmpDir string) *workbooks {
	return &workbooks{password: password, tmpDir: tmpDir, open: map[string]*openBook{}}
}

func (w *workbooks) close() {
	for _, b := range w.open {
		if b.x != nil {
			_ = b.x.close()
		} else {
			_ = b.f.Close()
		}
	}
	for _, p := range w.temp {
		_ = os.Remove(p)
	}
}

// Limits for excelize: worksheets larger than unzipXMLLimit are unzipped to
// a temporary file and streamed from there instead of held in memory; a
// workbook that unzips to more than unzipLimit is refused.
const (
	unzipXMLLimit = 16 << 20
	unzipLimit    = 16 << 30
)

// oleMagic starts an OLE compound file: an encrypted (password-protected)
// .xlsx, or an old .xls.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// get opens name from fsys, or returns it if it is open already. It never
// reads the whole workbook into memory (except an encrypted one, which must
// be decrypted as a whole): a workbook in a directory is opened from its
// path, one from another file system is first copied to a temporary file.
func (w *workbooks) get(fsys fs.FS, name string) (*openBook, error) {
	if b, ok := w.open[name]; ok {
		return b, nil
	}
	osPath, sum, err := w.localCopy(fsys, name)
	if err != nil {
		return nil, err
	}
	encrypted, err := w.checkProtection(osPath)
	if err != nil {
		return nil, err
	}
	if !encrypted {
		x, err := openXLSXFile(osPath)
		if err != nil {
			return nil, &textError{
				en: fmt.Sprintf("not a readable .xlsx workbook (%v); save it from Excel as \"Excel-werkmap (.xlsx)\"", err),
				nl: fmt.Sprintf("geen leesbare .xlsx-werkmap (%v); sla hem in Excel op als \"Excel-werkmap (.xlsx)\"", err),
			}
		}
		b := &openBook{x: x, sum: sum, date1904: x.date1904}
		w.open[name] = b
		return b, nil
	}
	f, err := excelize.OpenFile(osPath, excelize.Options{Password: w.password, UnzipXMLSizeLimit: unzipXMLLimit, UnzipSizeLimit: unzipLimit, TmpDir: w.tmpDir})
	if err != nil {
		if w.password != "" && (errors.Is(err, excelize.ErrWorkbookPassword) || errors.Is(err, excelize.ErrWorkbookFileFormat)) {
			return nil, &textError{
				en: "the password from --password-file does not open this workbook; check the password (the file must hold only the password)",
				nl: "het wachtwoord uit --password-file opent deze werkmap niet; controleer het wachtwoord (het bestand bevat alleen het wachtwoord)",
			}
		}
		return nil, &textError{
			en: fmt.Sprintf("not a readable .xlsx workbook (%v); save it from Excel as \"Excel-werkmap (.xlsx)\"", err),
			nl: fmt.Sprintf("geen leesbare .xlsx-werkmap (%v); sla hem in Excel op als \"Excel-werkmap (.xlsx)\"", err),
		}
	}
	b := &openBook{f: f, sum: sum}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	w.open[name] = b
	return b, nil
}

// localCopy returns a path on disk for name and the file's SHA-256.
func (w *workbooks) localCopy(fsys fs.FS, name string) (string, string, error) {
	fh, err := fsys.Open(name)
	if err != nil {
		return "", "", err
	}
	defer fh.Close()
	digest := sha256.New()
	if d, ok := fsys.(Dir); ok {
		if _, err := io.Copy(digest, fh); err != nil {
			return "", "", err
		}
		return filepath.Join(d.Path, filepath.FromSlash(name)), hex.EncodeToString(digest.Sum(nil)), nil
	}
	tmp, err := os.CreateTemp(w.tmpDir, "avgaudit-*.xlsx")
	if err != nil {
		return "", "", vocab.Wrapf(err, "kopieer de werkmap naar een tijdelijk bestand", "copy workbook to a temporary file")
	}
	w.temp = append(w.temp, tmp.Name())
	_, err = io.Copy(io.MultiWriter(tmp, digest), fh)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", "", vocab.Wrapf(err, "kopieer de werkmap naar een tijdelijk bestand", "copy workbook to a temporary file")
	}
	return tmp.Name(), hex.EncodeToString(digest.Sum(nil)), nil
}

// Dir is a folder on disk as a file system that says where it is: a
// workbook in it is opened in place (excelize reads from a path), while a
// workbook in any other file system is copied to a temporary file first.
type Dir struct {
	fs.FS
	Path string
}

// OSDir is the folder path as a Dir.
func OSDir(path string) Dir { return Dir{FS: os.DirFS(path), Path: path} }

// checkProtection refuses, with a clear message, an encrypted workbook
// when no password was given, and an old .xls. It reports whether the
// workbook is encrypted (and a password given).
func (w *workbooks) checkProtection(osPath string) (bool, error) {
	fh, err := os.Open(osPath)
	if err != nil {
		return false, err
	}
	defer fh.Close()
	head := make([]byte, len(oleMagic))
	if _, err := io.ReadFull(fh, head); err != nil || !bytes.Equal(head, oleMagic) {
		return false, nil // not OLE: a plain .xlsx (or not a workbook, which openXLSX reports)
	}
	if !isEncryptedOOXML(fh) {
		return false, &textError{
			en: "this is an old Excel 97-2003 (.xls) workbook; open it in Excel and save it as \"Excel-werkmap (.xlsx)\"",
			nl: "dit is een oude Excel 97-2003-werkmap (.xls); open hem in Excel en sla hem op als \"Excel-werkmap (.xlsx)\"",
		}
	}
	if w.password == "" {
		return false, &textError{
			en: "the workbook is protected with a password; put the password in a text file and run again with --password-file FILE",
			nl: "de werkmap is beveiligd met een wachtwoord; zet het wachtwoord in een tekstbestand en start opnieuw met --password-file BESTAND",
		}
	}
	return true, nil
}

// openXLSXFile opens a plain .xlsx on disk for the streaming reader.
func openXLSXFile(osPath string) (*xlsxFile, error) {
	fh, err := os.Open(osPath)
	if err != nil {
		return nil, err
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, err
	}
	x, err := openXLSX(fh, st.Size())
	if err != nil {
		fh.Close()
		return nil, err
	}
	x.closer = fh
	return x, nil
}

// isEncryptedOOXML reports whether the OLE file holds an encrypted .xlsx
// (an EncryptionInfo stream) rather than an old .xls.
func isEncryptedOOXML(ra io.ReaderAt) bool {
	doc, err := mscfb.New(ra)
	if err != nil {
		return false
	}
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		if entry.Name == "EncryptionInfo" {
			return true
		}
	}
	return false
}
