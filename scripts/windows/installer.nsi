; The Windows installer of AVG-borging, built by scripts/windows/build.sh (`make windows`) with
; Debian's makensis (Tauri's own NSIS bundler downloads plug-ins at build time; this needs none).
; Per user, no admin rights: FGs work on managed laptops. Installs into %LOCALAPPDATA%\Programs,
; adds a Start-menu shortcut and an entry in the user's Apps list (HKCU) with an uninstaller.
; The data (%LOCALAPPDATA%\nl.avg-borging.desktop) is never touched: it is the user's work.
;
; makensis -DVERSION=0.1.0 -DSTAGE=dir-with-the-files -DOUTFILE=setup.exe -DICON=icon.ico -DSIZE_KB=…

; A 64-bit installer for a 64-bit program: it runs wherever the program can, also under 64-bit
; Wine (installer-test.sh runs it on every `make windows-test`).
Target amd64-unicode
RequestExecutionLevel user
; installer-test.sh passes -DCOMPRESSOR=zlib: a faster build of the same installer.
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}

!define APP "AVG-borging"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
BrandingText "${APP} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1043 "ProductName" "${APP}"
VIAddVersionKey /LANG=1043 "FileDescription" "Installatie van ${APP}"
VIAddVersionKey /LANG=1043 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1043 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1043 "LegalCopyright" "EUPL-1.2"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\avg-borging.exe"
!define MUI_FINISHPAGE_RUN_TEXT "${APP} nu starten"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Dutch"

Section "${APP}"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}/avg-borging.exe"
  File "${STAGE}/avg-borging-cli.exe"
  File "${STAGE}/WebView2Loader.dll"
  WriteUninstaller "$INSTDIR\verwijderen.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\avg-borging.exe"

  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\avg-borging.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\verwijderen.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\verwijderen.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$INSTDIR\avg-borging.exe"
  Delete "$INSTDIR\avg-borging-cli.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\verwijderen.exe"
  ; Only when empty: anything the user put there stays.
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
SectionEnd
