<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>motcua::AuditLog</name>
    <message>
        <source>entry %1 is missing (the next entry is %2)</source>
        <translation>thiếu mục %1 (mục tiếp theo là %2)</translation>
    </message>
    <message>
        <source>entry %1 does not follow entry %2 (chain broken)</source>
        <translation>mục %1 không nối tiếp mục %2 (chuỗi bị đứt)</translation>
    </message>
    <message>
        <source>entry %1 was altered after it was written</source>
        <translation>mục %1 đã bị sửa sau khi ghi</translation>
    </message>
    <message>
        <source>the newest entries were removed (the log ends at %1, its head records %2)</source>
        <translation>các mục mới nhất đã bị xóa (nhật ký dừng ở mục %1, đầu chuỗi ghi nhận mục %2)</translation>
    </message>
    <message>
        <source>the recorded head of the log does not match its newest entry</source>
        <translation>đầu chuỗi đã ghi nhận không khớp với mục mới nhất của nhật ký</translation>
    </message>
</context>
<context>
    <name>motcua::Backups</name>
    <message>
        <source>The backup %1 cannot be opened.</source>
        <translation>Không mở được bản sao lưu %1.</translation>
    </message>
    <message>
        <source>The backup %1 failed its integrity check.</source>
        <translation>Bản sao lưu %1 không qua được kiểm tra toàn vẹn.</translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file.</source>
        <translation>%1 đã tồn tại; sao lưu không bao giờ ghi đè lên tệp có sẵn.</translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the backup.</source>
        <translation>Không tạo được thư mục %1 để sao lưu.</translation>
    </message>
    <message>
        <source>The backup to %1 failed: %2</source>
        <translation>Sao lưu vào %1 không thành công: %2</translation>
    </message>
    <message>
        <source>The backup could not be moved into place at %1.</source>
        <translation>Không chuyển được bản sao lưu vào vị trí %1.</translation>
    </message>
    <message>
        <source>There is no backup at %1.</source>
        <translation>Không có bản sao lưu tại %1.</translation>
    </message>
    <message>
        <source>The data file %1 is in use by PID %2; close that program before restoring.</source>
        <translation>Tệp dữ liệu %1 đang được tiến trình PID %2 sử dụng; hãy đóng chương trình đó trước khi khôi phục.</translation>
    </message>
    <message>
        <source>Could not move %1 aside to %2.</source>
        <translation>Không chuyển được %1 sang %2.</translation>
    </message>
    <message>
        <source>Could not copy the backup %1 to %2.</source>
        <translation>Không sao chép được bản sao lưu %1 sang %2.</translation>
    </message>
</context>
<context>
    <name>motcua::Store</name>
    <message>
        <source>Could not upgrade the data file to schema version %1: %2</source>
        <translation>Không nâng cấp được tệp dữ liệu lên phiên bản lược đồ %1: %2</translation>
    </message>
    <message>
        <source>Could not %1: the database reported an input/output error.</source>
        <translation>Không thể %1: cơ sở dữ liệu báo lỗi đọc/ghi.</translation>
    </message>
    <message>
        <source>Could not %1: the data file or its folder cannot be written. Check the folder&apos;s permissions and free space.</source>
        <translation>Không thể %1: không ghi được vào tệp dữ liệu hoặc thư mục chứa nó. Hãy kiểm tra quyền truy cập và dung lượng trống của thư mục.</translation>
    </message>
    <message>
        <source>Could not %1: the data file is busy. Try again in a moment.</source>
        <translation>Không thể %1: tệp dữ liệu đang bận. Hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>Could not %1: the data file is damaged.</source>
        <translation>Không thể %1: tệp dữ liệu bị hỏng.</translation>
    </message>
    <message>
        <source>Could not %1: the disk reported a read or write error.</source>
        <translation>Không thể %1: ổ đĩa báo lỗi đọc hoặc ghi.</translation>
    </message>
    <message>
        <source>Could not %1: database error.</source>
        <translation>Không thể %1: lỗi cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>prepare a database statement</source>
        <translation>chuẩn bị câu lệnh cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>access the data file</source>
        <translation>truy cập tệp dữ liệu</translation>
    </message>
    <message>
        <source>No data file was given.</source>
        <translation>Chưa chỉ định tệp dữ liệu.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a data file.</source>
        <translation>%1 là một thư mục, không phải tệp dữ liệu.</translation>
    </message>
    <message>
        <source>There is no data file at %1.</source>
        <translation>Không có tệp dữ liệu tại %1.</translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the data file.</source>
        <translation>Không tạo được thư mục %1 cho tệp dữ liệu.</translation>
    </message>
    <message>
        <source>The data file %1 is already in use by PID %2 (%3 on %4). Close that program first.</source>
        <translation>Tệp dữ liệu %1 đang được tiến trình PID %2 sử dụng (%3 trên máy %4). Hãy đóng chương trình đó trước.</translation>
    </message>
    <message>
        <source>unknown program</source>
        <translation>chương trình không rõ</translation>
    </message>
    <message>
        <source>The data file %1 is already in use by another program.</source>
        <translation>Tệp dữ liệu %1 đang được một chương trình khác sử dụng.</translation>
    </message>
    <message>
        <source>Could not lock the data file %1: its folder cannot be written. Check the folder&apos;s permissions and free space.</source>
        <translation>Không khóa được tệp dữ liệu %1: không ghi được vào thư mục chứa nó. Hãy kiểm tra quyền truy cập và dung lượng trống của thư mục.</translation>
    </message>
    <message>
        <source>The data file %1 is damaged: it is not a SQLite database. It has not been changed.</source>
        <translation>Tệp dữ liệu %1 bị hỏng: đây không phải cơ sở dữ liệu SQLite. Tệp chưa bị thay đổi.</translation>
    </message>
    <message>
        <source>The data file %1 is damaged and cannot be read. It has not been changed.</source>
        <translation>Tệp dữ liệu %1 bị hỏng, không đọc được. Tệp chưa bị thay đổi.</translation>
    </message>
    <message>
        <source>%1 is a SQLite database of another program, not a MotCua data file. It has not been changed.</source>
        <translation>%1 là cơ sở dữ liệu SQLite của chương trình khác, không phải tệp dữ liệu MotCua. Tệp chưa bị thay đổi.</translation>
    </message>
    <message>
        <source>The data file %1 was written by a newer version of MotCua (schema %2; this program knows up to %3). Install the newer version. The file has not been changed.</source>
        <translation>Tệp dữ liệu %1 được ghi bởi phiên bản MotCua mới hơn (lược đồ %2; chương trình này chỉ hỗ trợ đến %3). Hãy cài phiên bản mới hơn. Tệp chưa bị thay đổi.</translation>
    </message>
    <message>
        <source>The data file %1 is damaged (integrity check: %2). It has not been changed.</source>
        <translation>Tệp dữ liệu %1 bị hỏng (kiểm tra toàn vẹn: %2). Tệp chưa bị thay đổi.</translation>
    </message>
    <message>
        <source>open the data file</source>
        <translation>mở tệp dữ liệu</translation>
    </message>
    <message>
        <source>The data file %1 cannot use write-ahead logging (journal mode %2).</source>
        <translation>Tệp dữ liệu %1 không dùng được chế độ ghi nhật ký trước (chế độ nhật ký %2).</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was saved. Free some space and try again.</source>
        <translation>Ổ đĩa đã đầy nên chưa lưu được gì. Hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>motcua::center</name>
    <message>
        <source>Usage: motcua-center --version
The sync service (serve, init, unit, counter, officer, catalog, calendar, status) is not part of this build yet.</source>
        <translation>Cách dùng: motcua-center --version
Dịch vụ đồng bộ (serve, init, unit, counter, officer, catalog, calendar, status) chưa có trong bản dựng này.</translation>
    </message>
</context>
<context>
    <name>motcua::cli</name>
    <message>
        <source>unknown option --%1</source>
        <translation>tùy chọn không hợp lệ --%1</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>tùy chọn --%1 không nhận giá trị</translation>
    </message>
    <message>
        <source>option --%1 needs a value</source>
        <translation>tùy chọn --%1 cần một giá trị</translation>
    </message>
    <message>
        <source>missing argument</source>
        <translation>thiếu tham số</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>tham số thừa &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The newest automatic backup is %1 (%2 UTC); restore it with: motcua-cli --db %3 restore --latest</source>
        <translation>Bản sao lưu tự động mới nhất là %1 (%2 UTC); khôi phục bằng lệnh: motcua-cli --db %3 restore --latest</translation>
    </message>
    <message>
        <source>There is no automatic backup of it.</source>
        <translation>Không có bản sao lưu tự động nào của tệp này.</translation>
    </message>
    <message>
        <source>Usage: motcua-cli [--db PATH] [--json] COMMAND [ARGUMENTS]</source>
        <translation>Cách dùng: motcua-cli [--db ĐƯỜNG_DẪN] [--json] LỆNH [THAM_SỐ]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Các lệnh:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Tùy chọn:</translation>
    </message>
    <message>
        <source>the data file (default: %1)</source>
        <translation>tệp dữ liệu (mặc định: %1)</translation>
    </message>
    <message>
        <source>print results as JSON</source>
        <translation>in kết quả dạng JSON</translation>
    </message>
    <message>
        <source>also print the modules&apos; log lines</source>
        <translation>in thêm các dòng nhật ký của từng mô-đun</translation>
    </message>
    <message>
        <source>this text; the version</source>
        <translation>hướng dẫn này; phiên bản</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 the operation failed, 2 bad input.</source>
        <translation>Mã thoát: 0 thành công, 1 thao tác thất bại, 2 dữ liệu vào không hợp lệ.</translation>
    </message>
    <message>
        <source>The data file %1 is ready (schema %2).</source>
        <translation>Tệp dữ liệu %1 đã sẵn sàng (lược đồ %2).</translation>
    </message>
    <message>
        <source>Created the data file %1 (schema %2).</source>
        <translation>Đã tạo tệp dữ liệu %1 (lược đồ %2).</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>Tệp dữ liệu</translation>
    </message>
    <message>
        <source>Store id</source>
        <translation>Mã kho dữ liệu</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Phiên bản lược đồ</translation>
    </message>
    <message>
        <source>%1 (this program: %2)</source>
        <translation>%1 (chương trình này: %2)</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Toàn vẹn</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Sao lưu gần nhất</translation>
    </message>
    <message>
        <source>%1 UTC (%2)</source>
        <translation>%1 UTC (%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>--out needs a file name</source>
        <translation>--out cần một tên tệp</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name</source>
        <translation>%1 đã tồn tại; hãy chọn tên tệp khác</translation>
    </message>
    <message>
        <source>The automatic backup of today exists already: %1</source>
        <translation>Bản sao lưu tự động hôm nay đã có: %1</translation>
    </message>
    <message>
        <source>Backup written to %1 (%2).</source>
        <translation>Đã sao lưu vào %1 (%2).</translation>
    </message>
    <message>
        <source>give either --latest or --from FILE</source>
        <translation>hãy chỉ định --latest hoặc --from TỆP</translation>
    </message>
    <message>
        <source>There is no automatic backup of %1.</source>
        <translation>Không có bản sao lưu tự động nào của %1.</translation>
    </message>
    <message>
        <source>Restored %1 from %2. The previous file was kept as %3.</source>
        <translation>Đã khôi phục %1 từ %2. Tệp cũ được giữ lại tại %3.</translation>
    </message>
    <message>
        <source>The audit log has been tampered with: %1.</source>
        <translation>Nhật ký kiểm tra đã bị can thiệp: %1.</translation>
    </message>
    <message>
        <source>The audit log is intact (%1 entries).</source>
        <translation>Nhật ký kiểm tra còn nguyên vẹn (%1 mục).</translation>
    </message>
    <message>
        <source>create the data file (or check that it is ready)</source>
        <translation>tạo tệp dữ liệu (hoặc kiểm tra tệp đã sẵn sàng)</translation>
    </message>
    <message>
        <source>schema version, row counts, integrity, last backup</source>
        <translation>phiên bản lược đồ, số bản ghi, tình trạng toàn vẹn, lần sao lưu gần nhất</translation>
    </message>
    <message>
        <source>write a consistent copy (without --out: today&apos;s automatic backup)</source>
        <translation>ghi một bản sao nhất quán (không có --out: bản sao lưu tự động hôm nay)</translation>
    </message>
    <message>
        <source>replace the data file by a backup; the current file is kept aside</source>
        <translation>thay tệp dữ liệu bằng một bản sao lưu; tệp hiện tại được giữ lại riêng</translation>
    </message>
    <message>
        <source>check the hash chain of the audit log</source>
        <translation>kiểm tra chuỗi băm của nhật ký kiểm tra</translation>
    </message>
    <message>
        <source>option --db needs a value</source>
        <translation>tùy chọn --db cần một giá trị</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; see motcua-cli --help</source>
        <translation>lệnh không hợp lệ &apos;%1&apos;; xem motcua-cli --help</translation>
    </message>
</context>
<context>
    <name>motcua::counter</name>
    <message>
        <source>No display found (DISPLAY and WAYLAND_DISPLAY are not set), so the counter window cannot open.</source>
        <translation>Không tìm thấy màn hình (DISPLAY và WAYLAND_DISPLAY chưa được đặt) nên không mở được cửa sổ quầy.</translation>
    </message>
    <message>
        <source>The local store %1 is ready (schema %2, integrity %3).</source>
        <translation>Kho dữ liệu cục bộ %1 đã sẵn sàng (lược đồ %2, toàn vẹn: %3).</translation>
    </message>
    <message>
        <source>Run it on a desktop, or under a virtual display: xvfb-run -a make run</source>
        <translation>Hãy chạy trên máy có màn hình, hoặc dưới màn hình ảo: xvfb-run -a make run</translation>
    </message>
    <message>
        <source>The data file.</source>
        <translation>Tệp dữ liệu.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>ĐƯỜNG_DẪN</translation>
    </message>
    <message>
        <source>Interface language: vi or en.</source>
        <translation>Ngôn ngữ giao diện: vi hoặc en.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>NGÔN_NGỮ</translation>
    </message>
    <message>
        <source>Data file damaged</source>
        <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>Restore the newest automatic backup, taken %1? The damaged file is kept aside, not deleted.</source>
        <translation>Khôi phục bản sao lưu tự động mới nhất, tạo lúc %1? Tệp bị hỏng được giữ lại riêng, không bị xóa.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Khôi phục không thành công</translation>
    </message>
    <message>
        <source>MotCua cannot start</source>
        <translation>MotCua không khởi động được</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>Sao lưu tự động không thành công: %1</translation>
    </message>
</context>
<context>
    <name>motcua::ui::MainWindow</name>
    <message>
        <source>MotCua — reception counter</source>
        <translation>MotCua — quầy tiếp nhận</translation>
    </message>
    <message>
        <source>Local data store</source>
        <translation>Kho dữ liệu cục bộ</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Kho dữ liệu</translation>
    </message>
    <message>
        <source>Data file:</source>
        <translation>Tệp dữ liệu:</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>Phiên bản lược đồ:</translation>
    </message>
    <message>
        <source>Integrity:</source>
        <translation>Toàn vẹn:</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Sao lưu gần nhất:</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Số bản ghi:</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>Write a consistent copy of the data file into the backups folder (Ctrl+B)</source>
        <translation>Ghi một bản sao nhất quán của tệp dữ liệu vào thư mục sao lưu (Ctrl+B)</translation>
    </message>
    <message>
        <source>Offline — standalone counter</source>
        <translation>Ngoại tuyến — quầy độc lập</translation>
    </message>
    <message>
        <source>%1 (this program: %2)</source>
        <translation>%1 (chương trình này: %2)</translation>
    </message>
    <message>
        <source>passed the check at start</source>
        <translation>đạt kiểm tra lúc khởi động</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>Store: schema %1 · %2</source>
        <translation>Kho dữ liệu: lược đồ %1 · %2</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sao lưu không thành công</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>Đã sao lưu vào %1</translation>
    </message>
</context>
</TS>
