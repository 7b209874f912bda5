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
    <message>
        <source>%1 is not a MotCua data file; nothing was restored.</source>
        <translation>%1 không phải tệp dữ liệu MotCua; chưa khôi phục gì.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of MotCua; nothing was restored.</source>
        <translation>%1 được ghi bởi phiên bản MotCua mới hơn; chưa khôi phục gì.</translation>
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
    <name>motcua::app</name>
    <message>
        <source>The embedded demo catalog or calendar is missing from this program.</source>
        <translation>Chương trình thiếu danh mục thủ tục mẫu hoặc lịch nghỉ đi kèm.</translation>
    </message>
</context>
<context>
    <name>motcua::calendar</name>
    <message>
        <source>The setting &quot;working_hours&quot; of this data file is wrong: %1</source>
        <translation>Thiết lập &quot;working_hours&quot; của tệp dữ liệu này sai: %1</translation>
    </message>
    <message>
        <source>The working calendar in the data file has a bad row (%1).</source>
        <translation>Lịch làm việc trong tệp dữ liệu có một dòng hỏng (%1).</translation>
    </message>
    <message>
        <source>The year must be between %1 and %2.</source>
        <translation>Năm phải nằm trong khoảng từ %1 đến %2.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a list</source>
        <translation>%1: &quot;%2&quot; không phải là một danh sách</translation>
    </message>
    <message>
        <source>%1: not an object with &quot;date&quot; and &quot;name&quot;</source>
        <translation>%1: không phải là một đối tượng có &quot;date&quot; và &quot;name&quot;</translation>
    </message>
    <message>
        <source>%1: the name is not text</source>
        <translation>%1: tên không phải là văn bản</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a date of the form YYYY-MM-DD</source>
        <translation>%1: &quot;%2&quot; không phải là ngày theo dạng YYYY-MM-DD</translation>
    </message>
    <message>
        <source>%1: %2 does not belong to the year %3</source>
        <translation>%1: ngày %2 không thuộc năm %3</translation>
    </message>
    <message>
        <source>%1: %2 is a weekday, but only a Saturday or Sunday can be declared a working day</source>
        <translation>%1: %2 là ngày trong tuần, nhưng chỉ thứ Bảy hoặc Chủ nhật mới có thể được công bố là ngày làm việc</translation>
    </message>
    <message>
        <source>%1: %2 is listed twice</source>
        <translation>%1: ngày %2 bị ghi hai lần</translation>
    </message>
    <message>
        <source>%1: %2 is both a day off and a working day</source>
        <translation>%1: ngày %2 vừa là ngày nghỉ vừa là ngày làm việc</translation>
    </message>
    <message>
        <source>The calendar file is not valid JSON: %1 (at byte %2).</source>
        <translation>Tệp lịch không phải là JSON hợp lệ: %1 (tại byte %2).</translation>
    </message>
    <message>
        <source>The calendar file is not a JSON object.</source>
        <translation>Tệp lịch không phải là một đối tượng JSON.</translation>
    </message>
    <message>
        <source>the format is &quot;%1&quot;, expected &quot;%2&quot;</source>
        <translation>định dạng là &quot;%1&quot;, cần &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;years&quot; is missing or not an object</source>
        <translation>thiếu &quot;years&quot; hoặc &quot;years&quot; không phải là một đối tượng</translation>
    </message>
    <message>
        <source>the file holds no year</source>
        <translation>tệp không có năm nào</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a year between %2 and %3</source>
        <translation>&quot;%1&quot; không phải là một năm từ %2 đến %3</translation>
    </message>
    <message>
        <source>%1: not an object with &quot;days_off&quot; and &quot;workdays&quot;</source>
        <translation>%1: không phải là một đối tượng có &quot;days_off&quot; và &quot;workdays&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;pending&quot; is not a list</source>
        <translation>%1: &quot;pending&quot; không phải là một danh sách</translation>
    </message>
    <message>
        <source>The calendar file was not imported. Problems (%1): %2</source>
        <translation>Chưa nhập tệp lịch. Các lỗi (%1): %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a list of working hours like 07:00-11:30,13:30-17:00</source>
        <translation>&quot;%1&quot; không phải là danh sách giờ làm việc dạng 07:00-11:30,13:30-17:00</translation>
    </message>
</context>
<context>
    <name>motcua::catalog</name>
    <message>
        <source>%1 is missing</source>
        <translation>thiếu %1</translation>
    </message>
    <message>
        <source>%1 must be text</source>
        <translation>%1 phải là văn bản</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 đang để trống</translation>
    </message>
    <message>
        <source>%1 must be a number</source>
        <translation>%1 phải là một số</translation>
    </message>
    <message>
        <source>%1 is negative</source>
        <translation>%1 là số âm</translation>
    </message>
    <message>
        <source>%1 must be a whole number</source>
        <translation>%1 phải là số nguyên</translation>
    </message>
    <message>
        <source>%1 is too large</source>
        <translation>%1 quá lớn</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 phải là true hoặc false</translation>
    </message>
    <message>
        <source>%1 must be a list</source>
        <translation>%1 phải là một danh sách</translation>
    </message>
    <message>
        <source>%1 must be an object</source>
        <translation>%1 phải là một đối tượng</translation>
    </message>
    <message>
        <source>%1 is not a known processing kind (%2); use working_days, calendar_days or same_day_15h</source>
        <translation>%1 không phải là loại thời hạn giải quyết đã biết (%2); hãy dùng working_days, calendar_days hoặc same_day_15h</translation>
    </message>
    <message>
        <source>code &quot;%1&quot; may only hold letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;</source>
        <translation>mã &quot;%1&quot; chỉ được chứa chữ cái, chữ số, &apos;.&apos;, &apos;-&apos; và &apos;_&apos;</translation>
    </message>
    <message>
        <source>%1 must be text or a list of texts</source>
        <translation>%1 phải là văn bản hoặc danh sách văn bản</translation>
    </message>
    <message>
        <source>The catalog was not imported: %1</source>
        <translation>Không nhập danh mục: %1</translation>
    </message>
    <message>
        <source>the file is not valid JSON: %1 at line %2, column %3</source>
        <translation>tệp không phải JSON hợp lệ: %1 tại dòng %2, cột %3</translation>
    </message>
    <message>
        <source>the file must be a JSON object with a list &quot;procedures&quot;</source>
        <translation>tệp phải là một đối tượng JSON có danh sách &quot;procedures&quot;</translation>
    </message>
    <message>
        <source>the catalog lists no procedures</source>
        <translation>danh mục không có thủ tục nào</translation>
    </message>
    <message>
        <source>code %1 is listed already at procedures[%2]</source>
        <translation>mã %1 đã có ở procedures[%2]</translation>
    </message>
    <message>
        <source>Catalog version %1 does not exist.</source>
        <translation>Không có phiên bản danh mục %1.</translation>
    </message>
    <message>
        <source>No procedure catalog has been imported yet.</source>
        <translation>Chưa nhập danh mục thủ tục hành chính nào.</translation>
    </message>
    <message>
        <source>There is no procedure %1 in catalog version %2.</source>
        <translation>Không có thủ tục %1 trong phiên bản danh mục %2.</translation>
    </message>
    <message>
        <source>Catalog version %1 is not in this store.</source>
        <translation>Kho dữ liệu này không có phiên bản danh mục %1.</translation>
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
    <name>motcua::citizen</name>
    <message>
        <source>The ID number &quot;%1&quot; must be exactly 12 digits.</source>
        <translation>Số định danh &quot;%1&quot; phải gồm đúng 12 chữ số.</translation>
    </message>
    <message>
        <source>The ID number %1 starts with %2, which is not a province code of birth registration.</source>
        <translation>Số định danh %1 bắt đầu bằng %2, không phải mã tỉnh nơi đăng ký khai sinh.</translation>
    </message>
    <message>
        <source>Digit 4 of the ID number (%1) means born in %2-%3, but the date of birth is %4.</source>
        <translation>Chữ số thứ 4 của số định danh (%1) nghĩa là sinh trong các năm %2-%3, nhưng ngày sinh là %4.</translation>
    </message>
    <message>
        <source>Digits 5-6 of the ID number (%1) do not match the year of birth %2.</source>
        <translation>Chữ số thứ 5-6 của số định danh (%1) không khớp với năm sinh %2.</translation>
    </message>
    <message>
        <source>Digit 4 of the ID number (%1) means %2, but the card says %3.</source>
        <translation>Chữ số thứ 4 của số định danh (%1) nghĩa là giới tính %2, nhưng thẻ ghi %3.</translation>
    </message>
    <message>
        <source>The ID card&apos;s QR code cannot be used: %1</source>
        <translation>Không dùng được mã QR của thẻ căn cước: %1</translation>
    </message>
    <message>
        <source>It has %1 fields separated by &apos;|&apos;; a chip ID card gives at least 6.</source>
        <translation>Mã có %1 trường phân cách bởi &apos;|&apos;; thẻ căn cước gắn chip có ít nhất 6 trường.</translation>
    </message>
    <message>
        <source>The full name is empty.</source>
        <translation>Họ và tên đang để trống.</translation>
    </message>
    <message>
        <source>The date of birth &quot;%1&quot; is not a valid date (ddMMyyyy).</source>
        <translation>Ngày sinh &quot;%1&quot; không phải ngày hợp lệ (ddMMyyyy).</translation>
    </message>
    <message>
        <source>The date of birth %1 is in the future.</source>
        <translation>Ngày sinh %1 nằm trong tương lai.</translation>
    </message>
    <message>
        <source>The gender &quot;%1&quot; is neither Nam nor Nữ.</source>
        <translation>Giới tính &quot;%1&quot; không phải Nam hay Nữ.</translation>
    </message>
    <message>
        <source>The issue date &quot;%1&quot; is not a valid date (ddMMyyyy).</source>
        <translation>Ngày cấp &quot;%1&quot; không phải ngày hợp lệ (ddMMyyyy).</translation>
    </message>
    <message>
        <source>The issue date %1 is before the date of birth %2.</source>
        <translation>Ngày cấp %1 trước ngày sinh %2.</translation>
    </message>
    <message>
        <source>The old ID number &quot;%1&quot; must be 9 or 12 digits.</source>
        <translation>Số CMND cũ &quot;%1&quot; phải gồm 9 hoặc 12 chữ số.</translation>
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
    <message>
        <source>--received YYYY-MM-DDTHH:MM is required</source>
        <translation>cần có --received YYYY-MM-DDTHH:MM</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time of the form YYYY-MM-DDTHH:MM</source>
        <translation>&apos;%1&apos; không phải là thời điểm theo dạng YYYY-MM-DDTHH:MM</translation>
    </message>
    <message>
        <source>--%1 needs a whole number of days from 0 to 3650, not &apos;%2&apos;</source>
        <translation>--%1 cần một số ngày nguyên từ 0 đến 3650, không phải &apos;%2&apos;</translation>
    </message>
    <message>
        <source>No working day was found within ten years.</source>
        <translation>Không tìm thấy ngày làm việc nào trong vòng mười năm.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date of the form YYYY-MM-DD between %2 and %3</source>
        <translation>&apos;%1&apos; không phải là ngày theo dạng YYYY-MM-DD trong khoảng từ năm %2 đến năm %3</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Không đọc được %1: %2</translation>
    </message>
    <message>
        <source>Imported the days off of %1: %2 days off, %3 make-up working days.</source>
        <translation>Đã nhập lịch nghỉ của năm %1: %2 ngày nghỉ, %3 ngày làm bù.</translation>
    </message>
    <message>
        <source>--year needs a year between %1 and %2</source>
        <translation>--year cần một năm từ %1 đến %2</translation>
    </message>
    <message>
        <source>when a procedure received at T (Vietnam time) is due</source>
        <translation>thời hạn trả kết quả của thủ tục tiếp nhận lúc T (giờ Việt Nam)</translation>
    </message>
    <message>
        <source>the Vietnamese lunar date (D/M/YYYY; a leap month as D/Mn/YYYY)</source>
        <translation>ngày âm lịch Việt Nam (D/M/YYYY; tháng nhuận ghi D/Mn/YYYY)</translation>
    </message>
    <message>
        <source>load official days off (motcua-calendar/1 JSON); replaces the years it holds</source>
        <translation>nạp lịch nghỉ chính thức (JSON motcua-calendar/1); thay thế các năm có trong tệp</translation>
    </message>
    <message>
        <source>list the days off and make-up working days of a year</source>
        <translation>liệt kê các ngày nghỉ và ngày làm bù của một năm</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 ngày làm việc</translation>
    </message>
    <message>
        <source>%1 calendar days</source>
        <translation>%1 ngày</translation>
    </message>
    <message>
        <source>the same day (received from 15:00: the next working day)</source>
        <translation>trong ngày (nhận từ 15 giờ: ngày làm việc tiếp theo)</translation>
    </message>
    <message>
        <source>%1 VND</source>
        <translation>%1 đồng</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>không đọc được %1: %2</translation>
    </message>
    <message>
        <source>%1 is the current catalog already (version %2, %3 procedures); nothing was imported.</source>
        <translation>%1 đã là danh mục hiện hành (phiên bản %2, %3 thủ tục); không nhập gì thêm.</translation>
    </message>
    <message>
        <source>Imported %1 procedures from %2 as catalog version %3.</source>
        <translation>Đã nhập %1 thủ tục từ %2 thành phiên bản danh mục %3.</translation>
    </message>
    <message>
        <source>--limit needs a positive whole number</source>
        <translation>--limit cần một số nguyên dương</translation>
    </message>
    <message>
        <source>give a code or words of a procedure&apos;s name to search for</source>
        <translation>hãy nhập mã hoặc từ trong tên thủ tục cần tìm</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp thực hiện</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan thực hiện</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>chưa quy định</translation>
    </message>
    <message>
        <source>Fee note</source>
        <translation>Ghi chú phí</translation>
    </message>
    <message>
        <source>Fee line</source>
        <translation>Mức phí</translation>
    </message>
    <message>
        <source>Zone %1</source>
        <translation>Vùng %1</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Đã kiểm chứng</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no (plausible, unconfirmed)</source>
        <translation>chưa (hợp lý nhưng chưa xác nhận)</translation>
    </message>
    <message>
        <source>Catalog version</source>
        <translation>Phiên bản danh mục</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Thành phần hồ sơ:</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>Bản sao CT</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>(shown, not kept)</source>
        <translation>(xuất trình, không lưu)</translation>
    </message>
    <message>
        <source>--catalog-version needs a positive whole number</source>
        <translation>--catalog-version cần một số nguyên dương</translation>
    </message>
    <message>
        <source>import a procedure catalog (JSON) as a new version</source>
        <translation>nhập danh mục thủ tục (JSON) thành một phiên bản mới</translation>
    </message>
    <message>
        <source>find procedures by code or name words, with or without diacritics</source>
        <translation>tìm thủ tục theo mã hoặc các từ trong tên, có dấu hay không dấu</translation>
    </message>
    <message>
        <source>all fields of one procedure, with its documents</source>
        <translation>mọi thông tin của một thủ tục, kèm thành phần hồ sơ</translation>
    </message>
    <message>
        <source>cannot read the standard input</source>
        <translation>không đọc được đầu vào chuẩn</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>Old ID number</source>
        <translation>Số CMND cũ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <source>Birth registered in</source>
        <translation>Nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <source>Extra field</source>
        <translation>Trường bổ sung</translation>
    </message>
    <message>
        <source>read a chip ID card&apos;s QR text from standard input and check it</source>
        <translation>đọc nội dung mã QR của thẻ căn cước từ đầu vào chuẩn và kiểm tra</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date and time like 2026-03-02T09:30</source>
        <translation>&apos;%1&apos; không phải ngày giờ dạng 2026-03-02T09:30</translation>
    </message>
    <message>
        <source>Could not read standard input.</source>
        <translation>Không đọc được đầu vào chuẩn.</translation>
    </message>
    <message>
        <source>Could not read %1 (%2).</source>
        <translation>Không đọc được %1 (%2).</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (at byte %2: %3).</source>
        <translation>%1 không phải JSON hợp lệ (tại byte %2: %3).</translation>
    </message>
    <message>
        <source>%1 must be a JSON object.</source>
        <translation>%1 phải là một đối tượng JSON.</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;</source>
        <translation>trường không hợp lệ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; must be text</source>
        <translation>trường &apos;%1&apos; phải là văn bản</translation>
    </message>
    <message>
        <source>full_name is missing</source>
        <translation>thiếu full_name (họ tên)</translation>
    </message>
    <message>
        <source>birth_date must be YYYY-MM-DD</source>
        <translation>birth_date phải có dạng YYYY-MM-DD</translation>
    </message>
    <message>
        <source>gender must be &quot;Nam&quot; or &quot;Nữ&quot;</source>
        <translation>gender phải là &quot;Nam&quot; hoặc &quot;Nữ&quot;</translation>
    </message>
    <message>
        <source>id_number: %1</source>
        <translation>id_number: %1</translation>
    </message>
    <message>
        <source>phone must be a Vietnamese number like 0912345678</source>
        <translation>phone phải là số điện thoại Việt Nam, ví dụ 0912345678</translation>
    </message>
    <message>
        <source>email is not an e-mail address</source>
        <translation>email không phải địa chỉ thư điện tử</translation>
    </message>
    <message>
        <source>The applicant file has problems: %1.</source>
        <translation>Tệp thông tin người nộp có lỗi: %1.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source> (conflict: a supervisor must decide)</source>
        <translation> (xung đột: cần lãnh đạo quyết định)</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>Diễn biến:</translation>
    </message>
    <message>
        <source>	(not applied: conflict)</source>
        <translation>	(không áp dụng: xung đột)</translation>
    </message>
    <message>
        <source>This counter is enrolled with the provincial center; its identity comes from there.</source>
        <translation>Quầy đã đăng ký với Trung tâm tỉnh; thông tin quầy do Trung tâm cấp.</translation>
    </message>
    <message>
        <source>--slot and --slots take whole numbers</source>
        <translation>--slot và --slots nhận số nguyên</translation>
    </message>
    <message>
        <source>Standalone counter %1 of %2 (%3), code slot %4 of %5.</source>
        <translation>Quầy độc lập %1 của %2 (%3), phần mã hồ sơ %4 trên %5.</translation>
    </message>
    <message>
        <source>dossier receive needs --procedure CODE and --applicant-json FILE</source>
        <translation>dossier receive cần --procedure MÃ và --applicant-json TỆP</translation>
    </message>
    <message>
        <source>The applicant file</source>
        <translation>Tệp thông tin người nộp</translation>
    </message>
    <message>
        <source>--sets takes a whole number</source>
        <translation>--sets nhận một số nguyên</translation>
    </message>
    <message>
        <source>The working calendar could not compute the appointment.</source>
        <translation>Lịch làm việc không tính được thời điểm hẹn trả.</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;</source>
        <translation>trạng thái không hợp lệ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--%1 takes a date like 2026-03-02</source>
        <translation>--%1 nhận ngày dạng 2026-03-02</translation>
    </message>
    <message>
        <source>--limit and --offset take whole numbers</source>
        <translation>--limit và --offset nhận số nguyên</translation>
    </message>
    <message>
        <source>--limit takes a whole number</source>
        <translation>--limit nhận một số nguyên</translation>
    </message>
    <message>
        <source>unknown event type &apos;%1&apos; (one of: %2)</source>
        <translation>loại sự kiện không hợp lệ &apos;%1&apos; (một trong: %2)</translation>
    </message>
    <message>
        <source>The event file</source>
        <translation>Tệp sự kiện</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 hiện ở trạng thái %2.</translation>
    </message>
    <message>
        <source>set up a standalone (demo, training) counter</source>
        <translation>thiết lập quầy độc lập (trình diễn, tập huấn)</translation>
    </message>
    <message>
        <source>receive a dossier; prints its code</source>
        <translation>tiếp nhận hồ sơ; in ra mã hồ sơ</translation>
    </message>
    <message>
        <source>status, due moment and timeline of a dossier</source>
        <translation>trạng thái, hạn trả và diễn biến của một hồ sơ</translation>
    </message>
    <message>
        <source>list dossiers, newest first</source>
        <translation>liệt kê hồ sơ, mới nhất trước</translation>
    </message>
    <message>
        <source>find dossiers by code, ID number, phone or name words</source>
        <translation>tìm hồ sơ theo mã, số định danh, số điện thoại hoặc tên</translation>
    </message>
    <message>
        <source>record a later step (transferred, result_ready, returned, note, …)</source>
        <translation>ghi nhận bước xử lý tiếp theo (transferred, result_ready, returned, note, …)</translation>
    </message>
    <message>
        <source>give exactly one of --working-days N, --calendar-days N, --same-day, --procedure CODE</source>
        <translation>hãy chỉ định đúng một trong --working-days N, --calendar-days N, --same-day, --procedure MÃ</translation>
    </message>
    <message>
        <source>no command given; see motcua-cli --help</source>
        <translation>chưa có lệnh; xem motcua-cli --help</translation>
    </message>
    <message>
        <source>print 01 needs --dossier CODE and --out FILE.pdf</source>
        <translation>print 01 cần --dossier MÃ và --out TỆP.pdf</translation>
    </message>
    <message>
        <source>cannot write %1: its folder does not exist</source>
        <translation>không ghi được %1: thư mục chứa nó không tồn tại</translation>
    </message>
    <message>
        <source>Form 01: receipt and appointment slip, two copies, with the QR code</source>
        <translation>Mẫu 01: giấy tiếp nhận hồ sơ và hẹn trả kết quả, hai liên, có mã QR</translation>
    </message>
    <message>
        <source>--paper is a4, a5 or receipt80, not &apos;%1&apos;</source>
        <translation>--paper là a4, a5 hoặc receipt80, không phải &apos;%1&apos;</translation>
    </message>
    <message>
        <source>this form needs --dossier CODE and --out FILE.pdf</source>
        <translation>mẫu này cần --dossier MÃ và --out TỆP.pdf</translation>
    </message>
    <message>
        <source>--paper is a4 or a5 for this form, not &apos;%1&apos;</source>
        <translation>--paper của mẫu này là a4 hoặc a5, không phải &apos;%1&apos;</translation>
    </message>
    <message>
        <source>print register needs --from and --to dates like 2026-03-01, in order</source>
        <translation>print register cần --from và --to là ngày dạng 2026-03-01, theo đúng thứ tự</translation>
    </message>
    <message>
        <source>Form 02: request to supplement the dossier</source>
        <translation>Mẫu 02: phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <source>Form 03: refusal to receive the dossier</source>
        <translation>Mẫu 03: phiếu từ chối tiếp nhận giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Form 04: apology and new appointment</source>
        <translation>Mẫu 04: văn bản xin lỗi và đề nghị gia hạn</translation>
    </message>
    <message>
        <source>Form 05: notice that processing stopped</source>
        <translation>Mẫu 05: thông báo dừng giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Form 06: control sheet of the processing steps</source>
        <translation>Mẫu 06: phiếu kiểm soát quá trình giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Form 07: the register of dossiers received in a date range</source>
        <translation>Mẫu 07: sổ theo dõi hồ sơ tiếp nhận trong khoảng ngày</translation>
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
    <message>
        <source>Also print the modules&apos; log lines.</source>
        <translation>In thêm các dòng nhật ký của từng mô-đun.</translation>
    </message>
</context>
<context>
    <name>motcua::dossier</name>
    <message>
        <source>The counter needs an identifier.</source>
        <translation>Quầy cần có mã định danh.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid agency identifier (letters, digits and dots, e.g. 000.00.04.H49).</source>
        <translation>&apos;%1&apos; không phải mã định danh cơ quan hợp lệ (chữ, số và dấu chấm, ví dụ 000.00.04.H49).</translation>
    </message>
    <message>
        <source>The number of code slots must be between 1 and %1.</source>
        <translation>Số phần chia mã hồ sơ phải từ 1 đến %1.</translation>
    </message>
    <message>
        <source>The counter&apos;s code slot must be between 1 and %1.</source>
        <translation>Phần mã hồ sơ của quầy phải từ 1 đến %1.</translation>
    </message>
    <message>
        <source>This counter has issued all the dossier codes of its range for %1 on %2 (%3–%4). Connect to the provincial center to lease more, or ask the unit&apos;s administrator.</source>
        <translation>Quầy đã cấp hết mã hồ sơ trong dải của mình cho %1 ngày %2 (%3–%4). Hãy kết nối với Trung tâm tỉnh để được cấp thêm, hoặc liên hệ quản trị viên của đơn vị.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid agency identifier.</source>
        <translation>&apos;%1&apos; không phải mã định danh cơ quan hợp lệ.</translation>
    </message>
    <message>
        <source>This counter has no valid code slot (%1 of %2); enroll it with the center or set it up again.</source>
        <translation>Quầy chưa có phần mã hồ sơ hợp lệ (%1 trên %2); hãy đăng ký quầy với Trung tâm hoặc thiết lập lại.</translation>
    </message>
    <message>
        <source>not received</source>
        <translation>chưa tiếp nhận</translation>
    </message>
    <message>
        <source>received</source>
        <translation>đã tiếp nhận</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>waiting for supplement</source>
        <translation>chờ bổ sung</translation>
    </message>
    <message>
        <source>transferred to the agency</source>
        <translation>đã chuyển cơ quan giải quyết</translation>
    </message>
    <message>
        <source>being processed</source>
        <translation>đang giải quyết</translation>
    </message>
    <message>
        <source>result ready</source>
        <translation>đã có kết quả</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>đã trả kết quả</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>dừng giải quyết</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>công dân rút hồ sơ</translation>
    </message>
    <message>
        <source>Choose the procedure first.</source>
        <translation>Hãy chọn thủ tục trước.</translation>
    </message>
    <message>
        <source>The applicant&apos;s full name is missing.</source>
        <translation>Thiếu họ tên người nộp hồ sơ.</translation>
    </message>
    <message>
        <source>The number of sets must be between 1 and 99.</source>
        <translation>Số bộ hồ sơ phải từ 1 đến 99.</translation>
    </message>
    <message>
        <source>The fee cannot be negative.</source>
        <translation>Phí, lệ phí không được âm.</translation>
    </message>
    <message>
        <source>The result is returned at the counter, by post or online, not &apos;%1&apos;.</source>
        <translation>Kết quả được trả tại quầy, qua bưu điện hoặc trực tuyến, không phải &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The time of receipt is missing.</source>
        <translation>Thiếu thời điểm tiếp nhận.</translation>
    </message>
    <message>
        <source>The appointment time is missing or earlier than the receipt.</source>
        <translation>Thiếu thời điểm hẹn trả hoặc thời điểm hẹn trả sớm hơn lúc tiếp nhận.</translation>
    </message>
    <message>
        <source>Every document needs a name.</source>
        <translation>Mỗi thành phần hồ sơ cần có tên.</translation>
    </message>
    <message>
        <source>Document counts cannot be negative (%1).</source>
        <translation>Số lượng giấy tờ không được âm (%1).</translation>
    </message>
    <message>
        <source>Give the reason (field reason).</source>
        <translation>Hãy nêu lý do (trường reason).</translation>
    </message>
    <message>
        <source>The new appointment time is missing (field due_at).</source>
        <translation>Thiếu thời điểm hẹn trả mới (trường due_at).</translation>
    </message>
    <message>
        <source>Name the agency the dossier goes to (field agency).</source>
        <translation>Hãy ghi cơ quan nhận hồ sơ (trường agency).</translation>
    </message>
    <message>
        <source>The processing step must be appraise, approve or sign (field step).</source>
        <translation>Bước xử lý phải là appraise (thẩm định), approve (phê duyệt) hoặc sign (ký, đóng dấu) (trường step).</translation>
    </message>
    <message>
        <source>The new appointment time is missing (field new_due_at).</source>
        <translation>Thiếu thời điểm hẹn trả mới (trường new_due_at).</translation>
    </message>
    <message>
        <source>The new appointment time must be later than the current one.</source>
        <translation>Thời điểm hẹn trả mới phải muộn hơn thời điểm hiện tại.</translation>
    </message>
    <message>
        <source>Give the reason for the delay (field reason).</source>
        <translation>Hãy nêu lý do chậm trễ (trường reason).</translation>
    </message>
    <message>
        <source>Record who received the result (field receiver.full_name).</source>
        <translation>Hãy ghi người nhận kết quả (trường receiver.full_name).</translation>
    </message>
    <message>
        <source>Check the receiver&apos;s identity document before returning the result.</source>
        <translation>Hãy kiểm tra giấy tờ tùy thân của người nhận trước khi trả kết quả.</translation>
    </message>
    <message>
        <source>The note is empty (field text).</source>
        <translation>Ghi chú đang trống (trường text).</translation>
    </message>
    <message>
        <source>The fee must be a positive amount in đồng (field amount_vnd).</source>
        <translation>Phí phải là số tiền dương tính bằng đồng (trường amount_vnd).</translation>
    </message>
    <message>
        <source>Name the form that was reprinted (field form).</source>
        <translation>Hãy ghi biểu mẫu đã in lại (trường form).</translation>
    </message>
    <message>
        <source>A dossier is received with &apos;dossier receive&apos;, not as a later event.</source>
        <translation>Hồ sơ được tiếp nhận bằng lệnh &apos;dossier receive&apos;, không phải bằng một sự kiện sau đó.</translation>
    </message>
    <message>
        <source>This counter is not set up yet: enroll it with the provincial center (or, for a standalone counter, run: motcua-cli counter setup).</source>
        <translation>Quầy chưa được thiết lập: hãy đăng ký quầy với Trung tâm tỉnh (hoặc, với quầy độc lập, chạy: motcua-cli counter setup).</translation>
    </message>
    <message>
        <source>There is no dossier with code %1 at this counter.</source>
        <translation>Không có hồ sơ mã %1 tại quầy này.</translation>
    </message>
    <message>
        <source>Dossier %1 is %2; it cannot be marked &apos;%3&apos; now.</source>
        <translation>Hồ sơ %1 đang ở trạng thái %2; không thể ghi nhận &apos;%3&apos; lúc này.</translation>
    </message>
    <message>
        <source>Event %1 exists already with different content; it was not stored.</source>
        <translation>Sự kiện %1 đã có với nội dung khác; sự kiện này không được lưu.</translation>
    </message>
    <message>
        <source>A stored event of dossier %1 is malformed: %2</source>
        <translation>Một sự kiện đã lưu của hồ sơ %1 bị sai định dạng: %2</translation>
    </message>
    <message>
        <source>The dossier list could not be updated.</source>
        <translation>Không cập nhật được danh sách hồ sơ.</translation>
    </message>
    <message>
        <source>There is no dossier %1 here.</source>
        <translation>Không có hồ sơ %1 tại đây.</translation>
    </message>
    <message>
        <source>event field %1 is missing or has the wrong type</source>
        <translation>trường %1 của sự kiện bị thiếu hoặc sai kiểu</translation>
    </message>
    <message>
        <source>unknown event type &apos;%1&apos;</source>
        <translation>loại sự kiện không hợp lệ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>event schema %1 is newer than this program knows (%2)</source>
        <translation>lược đồ sự kiện %1 mới hơn phiên bản chương trình hỗ trợ (%2)</translation>
    </message>
    <message>
        <source>Field %1 must be a date and time like 2026-03-20T17:00.</source>
        <translation>Trường %1 phải là ngày giờ dạng 2026-03-20T17:00.</translation>
    </message>
    <message>
        <source>This dossier has no conflict to resolve.</source>
        <translation>Hồ sơ này không có xung đột cần xử lý.</translation>
    </message>
    <message>
        <source>Write down the decision (field note).</source>
        <translation>Hãy ghi lại quyết định (trường note).</translation>
    </message>
    <message>
        <source>The counter&apos;s stored clock value is damaged.</source>
        <translation>Giá trị đồng hồ lưu trong quầy bị hỏng.</translation>
    </message>
</context>
<context>
    <name>motcua::print</name>
    <message>
        <source>The QR code could not be made.</source>
        <translation>Không tạo được mã QR.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
    <message>
        <source>This dossier has no supplement request to print.</source>
        <translation>Hồ sơ này không có yêu cầu bổ sung để in.</translation>
    </message>
    <message>
        <source>This dossier was not refused; there is no Form 03 to print.</source>
        <translation>Hồ sơ này không bị từ chối; không có Mẫu 03 để in.</translation>
    </message>
    <message>
        <source>This dossier has no extension; there is no Form 04 to print.</source>
        <translation>Hồ sơ này không được gia hạn; không có Mẫu 04 để in.</translation>
    </message>
    <message>
        <source>This dossier was not stopped; there is no Form 05 to print.</source>
        <translation>Hồ sơ này không bị dừng giải quyết; không có Mẫu 05 để in.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::MainWindow</name>
    <message>
        <source>MotCua — reception counter</source>
        <translation>MotCua — quầy tiếp nhận</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>Offline — standalone counter</source>
        <translation>Ngoại tuyến — quầy độc lập</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sao lưu không thành công</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>Đã sao lưu vào %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>Write a consistent copy of the data file into the backups folder</source>
        <translation>Ghi một bản sao nhất quán của tệp dữ liệu vào thư mục sao lưu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Find a procedure</source>
        <translation>&amp;Tìm thủ tục</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>Counter %1 · %2</source>
        <translation>Quầy %1 · %2</translation>
    </message>
    <message>
        <source>Counter not set up</source>
        <translation>Quầy chưa được thiết lập</translation>
    </message>
</context>
<context>
    <name>motcua::ui::OverviewPage</name>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n ngày làm việc</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>the same day (from 15:00: the next working day)</source>
        <translation>trong ngày (tiếp nhận từ 15:00: ngày làm việc tiếp theo)</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Counter:</source>
        <translation>Quầy:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>Agency identifier:</source>
        <translation>Mã định danh cơ quan:</translation>
    </message>
    <message>
        <source>Local data store</source>
        <translation>Kho dữ liệu cục bộ</translation>
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
        <source>Catalog and calendar</source>
        <translation>Danh mục và lịch làm việc</translation>
    </message>
    <message>
        <source>Procedure catalog:</source>
        <translation>Danh mục thủ tục:</translation>
    </message>
    <message>
        <source>Working hours:</source>
        <translation>Giờ làm việc:</translation>
    </message>
    <message>
        <source>Official days off:</source>
        <translation>Ngày nghỉ chính thức:</translation>
    </message>
    <message>
        <source>Procedure look-up</source>
        <translation>Tra cứu thủ tục</translation>
    </message>
    <message>
        <source>Code or name of the procedure — no diacritics needed (Ctrl+F)</source>
        <translation>Mã hoặc tên thủ tục — gõ không dấu cũng được (Ctrl+F)</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>chưa thiết lập</translation>
    </message>
    <message>
        <source> (standalone)</source>
        <translation> (độc lập)</translation>
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
        <source>%1 dossiers, %2 events, %3 waiting to sync</source>
        <translation>%1 hồ sơ, %2 sự kiện, %3 chờ đồng bộ</translation>
    </message>
    <message>
        <source>none imported</source>
        <translation>chưa nhập</translation>
    </message>
    <message>
        <source>version %1, %2 procedures</source>
        <translation>phiên bản %1, %2 thủ tục</translation>
    </message>
    <message>
        <source>%1: official</source>
        <translation>%1: chính thức</translation>
    </message>
    <message>
        <source>%1: computed</source>
        <translation>%1: tính theo âm lịch</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Lĩnh vực:</translation>
    </message>
    <message>
        <source>Processing time:</source>
        <translation>Thời hạn giải quyết:</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>Phí, lệ phí:</translation>
    </message>
    <message>
        <source>%1 VND</source>
        <translation>%1 đồng</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>chưa quy định</translation>
    </message>
    <message>
        <source>If received now, due:</source>
        <translation>Nếu tiếp nhận bây giờ, hẹn trả:</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Certified copies</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Căn cứ pháp lý:</translation>
    </message>
    <message>
        <source>free of charge</source>
        <translation>miễn phí</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ProcedureTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
</context>
</TS>
