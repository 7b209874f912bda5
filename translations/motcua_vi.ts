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
    <message>
        <source>The restored file %1 cannot be opened.</source>
        <translation>Không mở được tệp vừa khôi phục %1.</translation>
    </message>
    <message>
        <source>The backup %1 could not be put in place: %2</source>
        <translation>Không đưa được bản sao lưu %1 vào sử dụng: %2</translation>
    </message>
</context>
<context>
    <name>motcua::OfficerStore</name>
    <message>
        <source>An officer&apos;s login must not be empty or start or end with spaces.</source>
        <translation>Tên đăng nhập của cán bộ không được để trống hoặc bắt đầu, kết thúc bằng dấu cách.</translation>
    </message>
    <message>
        <source>The officer %1 has no full name.</source>
        <translation>Cán bộ %1 chưa có họ tên.</translation>
    </message>
    <message>
        <source>The officer %1 has the unknown role &apos;%2&apos; (officer, supervisor or admin).</source>
        <translation>Cán bộ %1 có vai trò không hợp lệ &apos;%2&apos; (officer, supervisor hoặc admin).</translation>
    </message>
    <message>
        <source>There is already an officer with the login %1.</source>
        <translation>Đã có cán bộ với tên đăng nhập %1.</translation>
    </message>
</context>
<context>
    <name>motcua::PasswordHash</name>
    <message>
        <source>The password is empty.</source>
        <translation>Mật khẩu đang để trống.</translation>
    </message>
    <message>
        <source>The password library could not start.</source>
        <translation>Không khởi động được thư viện mật khẩu.</translation>
    </message>
    <message>
        <source>There is not enough memory to protect the password.</source>
        <translation>Không đủ bộ nhớ để bảo vệ mật khẩu.</translation>
    </message>
</context>
<context>
    <name>motcua::PrivateFiles</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Không tạo được thư mục %1.</translation>
    </message>
    <message>
        <source>Could not create the file %1: %2</source>
        <translation>Không tạo được tệp %1: %2</translation>
    </message>
    <message>
        <source>Could not make %1 readable by its owner only: %2</source>
        <translation>Không đặt được quyền để chỉ chủ sở hữu đọc được %1: %2</translation>
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
    <message>
        <source>Could not %1: the database server is out of disk or memory.</source>
        <translation>Không thể %1: máy chủ cơ sở dữ liệu hết dung lượng đĩa hoặc bộ nhớ.</translation>
    </message>
    <message>
        <source>Could not %1: the connection to the database server was lost.</source>
        <translation>Không thể %1: mất kết nối tới máy chủ cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Could not %1: the database is busy. Try again in a moment.</source>
        <translation>Không thể %1: cơ sở dữ liệu đang bận. Hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>Could not %1: the record exists already.</source>
        <translation>Không thể %1: bản ghi đã tồn tại.</translation>
    </message>
    <message>
        <source>The integrity check of %1 was stopped: the program is closing. Nothing was saved.</source>
        <translation>Việc kiểm tra tính toàn vẹn của %1 đã dừng vì chương trình đang đóng. Chưa lưu gì thêm.</translation>
    </message>
    <message>
        <source>save to the data file</source>
        <translation>lưu vào tệp dữ liệu</translation>
    </message>
    <message>
        <source>Only a SQLite database has a write-ahead log to copy.</source>
        <translation>Chỉ cơ sở dữ liệu SQLite mới có nhật ký ghi trước (WAL) để chép vào tệp dữ liệu.</translation>
    </message>
    <message>
        <source>Cannot write the center&apos;s database log to disk.</source>
        <translation>Không ghi được nhật ký cơ sở dữ liệu của trung tâm xuống đĩa.</translation>
    </message>
</context>
<context>
    <name>motcua::app</name>
    <message>
        <source>The embedded demo catalog or calendar is missing from this program.</source>
        <translation>Chương trình thiếu danh mục thủ tục mẫu hoặc lịch nghỉ đi kèm.</translation>
    </message>
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
        <source>Commands:</source>
        <translation>Các lệnh:</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Cách dùng: %1</translation>
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
        <source>serving %1://%2:%3%4 on %5 (epoch %6)</source>
        <translation>đang phục vụ %1://%2:%3%4 trên %5 (epoch %6)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>đã dừng</translation>
    </message>
    <message>
        <source>The center&apos;s database is ready (%1, epoch %2).</source>
        <translation>Cơ sở dữ liệu của Trung tâm đã sẵn sàng (%1, epoch %2).</translation>
    </message>
    <message>
        <source>Epoch: %1</source>
        <translation>Epoch: %1</translation>
    </message>
    <message>
        <source>Database: %1, schema %2</source>
        <translation>Cơ sở dữ liệu: %1, lược đồ %2</translation>
    </message>
    <message>
        <source>Events: %1 (newest seq %2), dossiers: %3</source>
        <translation>Sự kiện: %1 (số thứ tự mới nhất %2), hồ sơ: %3</translation>
    </message>
    <message>
        <source>Catalog version: %1</source>
        <translation>Phiên bản danh mục: %1</translation>
    </message>
    <message>
        <source>Alarms: %1</source>
        <translation>Cảnh báo: %1</translation>
    </message>
    <message>
        <source>Counters: %1</source>
        <translation>Số quầy: %1</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>đã đăng ký</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>đang chờ</translation>
    </message>
    <message>
        <source>last contact %1, backlog %2</source>
        <translation>liên lạc lần cuối %1, tồn %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>không bao giờ</translation>
    </message>
    <message>
        <source>Usage: unit add ID --name NAME --agency AGENCY_ID [--slots N]</source>
        <translation>Cách dùng: unit add MÃ --name TÊN --agency MÃ_CƠ_QUAN [--slots N]</translation>
    </message>
    <message>
        <source>--slots must be a number.</source>
        <translation>--slots phải là một số.</translation>
    </message>
    <message>
        <source>Unit %1 (%2) added.</source>
        <translation>Đã thêm đơn vị %1 (%2).</translation>
    </message>
    <message>
        <source>(%1 slots)</source>
        <translation>(%1 phần)</translation>
    </message>
    <message>
        <source>Usage: counter add --unit UNIT [--name NAME] [--valid-hours H]</source>
        <translation>Cách dùng: counter add --unit ĐƠN_VỊ [--name TÊN] [--valid-hours GIỜ]</translation>
    </message>
    <message>
        <source>--valid-hours must be a number.</source>
        <translation>--valid-hours phải là một số.</translation>
    </message>
    <message>
        <source>Counter %1 (unit %2, code slot %3) created.</source>
        <translation>Đã tạo quầy %1 (đơn vị %2, phần mã số %3).</translation>
    </message>
    <message>
        <source>Enrollment code: %1</source>
        <translation>Mã đăng ký: %1</translation>
    </message>
    <message>
        <source>It works once and expires %1 (Vietnam time). It is not stored: write it down now.</source>
        <translation>Mã chỉ dùng được một lần và hết hạn lúc %1 (giờ Việt Nam). Mã không được lưu lại: hãy ghi lại ngay.</translation>
    </message>
    <message>
        <source>Usage: counter revoke COUNTER_ID</source>
        <translation>Cách dùng: counter revoke MÃ_QUẦY</translation>
    </message>
    <message>
        <source>Counter %1 revoked: its next request is refused.</source>
        <translation>Đã thu hồi quầy %1: yêu cầu tiếp theo của quầy sẽ bị từ chối.</translation>
    </message>
    <message>
        <source>Usage: officer add LOGIN --name NAME --unit UNIT [--role ROLE] (password on stdin)</source>
        <translation>Cách dùng: officer add TÊN_ĐĂNG_NHẬP --name HỌ_TÊN --unit ĐƠN_VỊ [--role VAI_TRÒ] (mật khẩu qua stdin)</translation>
    </message>
    <message>
        <source>Give the officer&apos;s first password on standard input (at least 8 characters).</source>
        <translation>Nhập mật khẩu đầu tiên của cán bộ qua đầu vào chuẩn (ít nhất 8 ký tự).</translation>
    </message>
    <message>
        <source>Officer %1 (%2) added to unit %3.</source>
        <translation>Đã thêm cán bộ %1 (%2) vào đơn vị %3.</translation>
    </message>
    <message>
        <source>Usage: officer %1 LOGIN</source>
        <translation>Cách dùng: officer %1 TÊN_ĐĂNG_NHẬP</translation>
    </message>
    <message>
        <source>Give the new password on standard input (at least 8 characters).</source>
        <translation>Nhập mật khẩu mới qua đầu vào chuẩn (ít nhất 8 ký tự).</translation>
    </message>
    <message>
        <source>The password of %1 was changed; counters get it at their next sync.</source>
        <translation>Đã đổi mật khẩu của %1; các quầy nhận được ở lần đồng bộ tiếp theo.</translation>
    </message>
    <message>
        <source>Officer %1 disabled.</source>
        <translation>Đã vô hiệu hóa cán bộ %1.</translation>
    </message>
    <message>
        <source>Officer %1 enabled.</source>
        <translation>Đã kích hoạt lại cán bộ %1.</translation>
    </message>
    <message>
        <source>Usage: calendar import FILE</source>
        <translation>Cách dùng: calendar import TỆP</translation>
    </message>
    <message>
        <source>Usage: catalog import FILE</source>
        <translation>Cách dùng: catalog import TỆP</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n năm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n procedure(s)</source>
        <translation>
            <numerusform>%n thủ tục</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar version %1 published (%2).</source>
        <translation>Đã công bố lịch phiên bản %1 (%2).</translation>
    </message>
    <message>
        <source>Catalog version %1 published (%2).</source>
        <translation>Đã công bố danh mục phiên bản %1 (%2).</translation>
    </message>
    <message>
        <source>New epoch %1: every counter re-sends its events at its next sync.</source>
        <translation>Epoch mới %1: mọi quầy sẽ gửi lại sự kiện ở lần đồng bộ tiếp theo.</translation>
    </message>
    <message>
        <source>Usage: backup --out FILE</source>
        <translation>Cách dùng: backup --out TỆP</translation>
    </message>
    <message>
        <source>With PostgreSQL, back up with pg_dump or pg_basebackup (docs/deployment.md).</source>
        <translation>Với PostgreSQL, hãy sao lưu bằng pg_dump hoặc pg_basebackup (docs/deployment.md).</translation>
    </message>
    <message>
        <source>%1 exists already; choose a new file.</source>
        <translation>%1 đã tồn tại; hãy chọn tệp mới.</translation>
    </message>
    <message>
        <source>Backup written to %1.</source>
        <translation>Đã sao lưu vào %1.</translation>
    </message>
    <message>
        <source>Option --config needs a value.</source>
        <translation>Tùy chọn --config cần một giá trị.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Run motcua-center --help.</source>
        <translation>Lệnh không hợp lệ &apos;%1&apos;. Chạy motcua-center --help.</translation>
    </message>
    <message>
        <source>Without --config (or MOTCUA_CENTER_CONFIG) the embedded default is used: a SQLite center in the
MotCua data folder, plain HTTP on 127.0.0.1:%1.</source>
        <translation>Không có --config (hoặc MOTCUA_CENTER_CONFIG) thì dùng cấu hình mặc định: Trung tâm SQLite trong
thư mục dữ liệu MotCua, HTTP thường trên 127.0.0.1:%1.</translation>
    </message>
    <message>
        <source>Usage: motcua-center [--config FILE] [--json] [--verbose] COMMAND</source>
        <translation>Cách dùng: motcua-center [--config TỆP] [--json] [--verbose] LỆNH</translation>
    </message>
    <message>
        <source>after restoring the database from a backup</source>
        <translation>sau khi khôi phục cơ sở dữ liệu từ bản sao lưu</translation>
    </message>
    <message>
        <source>SQLite backend only (PostgreSQL: pg_dump / pg_basebackup)</source>
        <translation>chỉ với SQLite (PostgreSQL: pg_dump / pg_basebackup)</translation>
    </message>
    <message>
        <source>(password on stdin)</source>
        <translation>(mật khẩu qua stdin)</translation>
    </message>
    <message>
        <source>run the sync service (HTTPS; plain HTTP on loopback only)</source>
        <translation>chạy dịch vụ đồng bộ (HTTPS; HTTP thường chỉ trên địa chỉ nội bộ)</translation>
    </message>
    <message>
        <source>create the database if needed and print its epoch</source>
        <translation>tạo cơ sở dữ liệu nếu chưa có và in epoch</translation>
    </message>
    <message>
        <source>counters, last contact, backlog, epoch</source>
        <translation>các quầy, lần liên lạc cuối, số tồn, epoch</translation>
    </message>
    <message>
        <source>prints a one-time enrollment code</source>
        <translation>in ra mã đăng ký dùng một lần</translation>
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
    <name>motcua::cli::sync</name>
    <message>
        <source>This counter is not enrolled with a provincial center. Run: motcua-cli sync enroll URL CODE</source>
        <translation>Quầy này chưa đăng ký với Trung tâm tỉnh. Chạy: motcua-cli sync enroll URL MÃ</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1.</source>
        <translation>Không đọc được tệp CA %1.</translation>
    </message>
    <message>
        <source>This counter is enrolled already as %1. Enrolling again needs a new data file.</source>
        <translation>Quầy này đã đăng ký với tên %1. Muốn đăng ký lại cần một tệp dữ liệu mới.</translation>
    </message>
    <message>
        <source>Enrolled as counter %1 of %2 (%3), dossier-code slot %4 of %5.</source>
        <translation>Đã đăng ký là quầy %1 của %2 (%3), phần mã hồ sơ %4 trên %5.</translation>
    </message>
    <message>
        <source>The credential is kept in %1.</source>
        <translation>Thông tin xác thực được lưu trong %1.</translation>
    </message>
    <message>
        <source>Sent %1 events (%2 the center had already, %3 rejected); received %4; %5 waiting.</source>
        <translation>Đã gửi %1 sự kiện (%2 Trung tâm đã có, %3 bị từ chối); đã nhận %4; còn %5 đang chờ.</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>Trung tâm</translation>
    </message>
    <message>
        <source>not enrolled (standalone counter %1)</source>
        <translation>chưa đăng ký (quầy độc lập %1)</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Center epoch</source>
        <translation>Epoch của Trung tâm</translation>
    </message>
    <message>
        <source>Feed position</source>
        <translation>Vị trí dòng dữ liệu</translation>
    </message>
    <message>
        <source>Rejected by the center</source>
        <translation>Bị Trung tâm từ chối</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>Lần đồng bộ thành công cuối</translation>
    </message>
    <message>
        <source>never</source>
        <translation>không bao giờ</translation>
    </message>
    <message>
        <source>Clock vs. center</source>
        <translation>Đồng hồ so với Trung tâm</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 giây</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) fetched from the provincial center and followed from now on.</source>
        <translation>
            <numerusform>Đã lấy %n hồ sơ từ Trung tâm tỉnh và theo dõi từ nay.</numerusform>
        </translation>
    </message>
    <message>
        <source>enroll this counter with the provincial center (one-time code from the center&apos;s admin)</source>
        <translation>đăng ký quầy này với Trung tâm tỉnh (mã dùng một lần do quản trị Trung tâm cấp)</translation>
    </message>
    <message>
        <source>send waiting events and receive new ones now</source>
        <translation>gửi các sự kiện đang chờ và nhận sự kiện mới ngay</translation>
    </message>
    <message>
        <source>center, feed position, events waiting, last successful sync</source>
        <translation>Trung tâm, vị trí dòng dữ liệu, sự kiện đang chờ, lần đồng bộ thành công cuối</translation>
    </message>
    <message>
        <source>fetch a dossier of another unit from the center and follow it</source>
        <translation>lấy hồ sơ của đơn vị khác từ Trung tâm và theo dõi</translation>
    </message>
    <message>
        <source>%1 is not a center address; write it as https://host:port.</source>
        <translation>%1 không phải là địa chỉ trung tâm; hãy viết theo dạng https://host:port.</translation>
    </message>
    <message>
        <source>Counter %1 now syncs with %2.</source>
        <translation>Quầy %1 từ nay đồng bộ với %2.</translation>
    </message>
    <message>
        <source>point this counter at the center&apos;s new address, or pin the province&apos;s new CA, keeping its identity (the center must recognise it there)</source>
        <translation>chuyển quầy này sang địa chỉ mới của trung tâm, hoặc ghim CA mới của tỉnh, giữ nguyên danh tính quầy (trung tâm ở địa chỉ đó phải nhận ra quầy)</translation>
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
    <message>
        <source>Nothing more can be saved, so that nothing is lost. Close MotCua and start it again: it will offer to restore the newest automatic backup. Dossiers already sent to the provincial center come back from it.</source>
        <translation>Chương trình không lưu thêm gì nữa để không mất dữ liệu. Hãy đóng MotCua và mở lại: chương trình sẽ đề nghị khôi phục bản sao lưu tự động mới nhất. Các hồ sơ đã gửi lên Trung tâm tỉnh sẽ được tải về lại.</translation>
    </message>
    <message>
        <source>First run: offer enrollment with this provincial center (filled in on the setup page).</source>
        <translation>Lần chạy đầu: đề nghị đăng ký với Trung tâm tỉnh này (điền sẵn ở trang thiết lập).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>First run: the one-time enrollment code to fill in with --center.</source>
        <translation>Lần chạy đầu: mã đăng ký dùng một lần, điền cùng --center.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>--center %1 is not a web address such as https://motcua.quangninh.gov.vn.</source>
        <translation>--center %1 không phải địa chỉ web (ví dụ https://motcua.quangninh.gov.vn).</translation>
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
    <message>
        <source>The full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>The address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>The e-mail address</source>
        <translation>Địa chỉ email</translation>
    </message>
    <message>
        <source>The representative&apos;s name</source>
        <translation>Họ tên người được ủy quyền</translation>
    </message>
    <message>
        <source>The representative&apos;s ID number</source>
        <translation>Số giấy tờ tùy thân của người được ủy quyền</translation>
    </message>
    <message>
        <source>%1 is too long: %2 characters, at most %3.</source>
        <translation>%1 quá dài: %2 ký tự, tối đa %3.</translation>
    </message>
    <message>
        <source>The phone number is not a Vietnamese number like 0912345678.</source>
        <translation>Số điện thoại chưa đúng dạng số Việt Nam như 0912345678.</translation>
    </message>
    <message>
        <source>The representative&apos;s phone number is not a Vietnamese number like 0912345678.</source>
        <translation>Số điện thoại của người được ủy quyền chưa đúng dạng số Việt Nam như 0912345678.</translation>
    </message>
    <message>
        <source>The birth date is not a date like 25/03/1990.</source>
        <translation>Ngày sinh chưa đúng dạng ngày như 25/03/1990.</translation>
    </message>
    <message>
        <source>The birth date %1 is in the future.</source>
        <translation>Ngày sinh %1 nằm trong tương lai.</translation>
    </message>
    <message>
        <source>The birth date %1 is more than %2 years ago.</source>
        <translation>Ngày sinh %1 cách đây hơn %2 năm.</translation>
    </message>
    <message>
        <source>The issue date is not a date like 10/04/2021.</source>
        <translation>Ngày cấp chưa đúng dạng ngày như 10/04/2021.</translation>
    </message>
    <message>
        <source>The issue date %1 is in the future.</source>
        <translation>Ngày cấp %1 nằm trong tương lai.</translation>
    </message>
    <message>
        <source>The issue date %1 is before the birth date %2.</source>
        <translation>Ngày cấp %1 trước ngày sinh %2.</translation>
    </message>
    <message>
        <source>The representative&apos;s full name is missing.</source>
        <translation>Thiếu họ tên người được ủy quyền.</translation>
    </message>
    <message>
        <source>The applicant file has an unknown field &apos;%1&apos;.</source>
        <translation>Tệp thông tin người nộp có trường không hợp lệ &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Field %1 must be text.</source>
        <translation>Trường %1 phải là văn bản.</translation>
    </message>
    <message>
        <source>The old ID number &quot;%1&quot; must be 9 or 12 digits.</source>
        <translation>Số CMND cũ &quot;%1&quot; phải gồm 9 hoặc 12 chữ số.</translation>
    </message>
    <message>
        <source>The gender must be &quot;Nam&quot; or &quot;Nữ&quot;, not &quot;%1&quot;.</source>
        <translation>Giới tính phải là &quot;Nam&quot; hoặc &quot;Nữ&quot;, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The e-mail address is not like name@example.vn.</source>
        <translation>Địa chỉ email chưa đúng dạng ten@example.vn.</translation>
    </message>
    <message>
        <source>The working calendar could not compute the appointment. Check the working hours in Settings.</source>
        <translation>Lịch làm việc không tính được thời hạn hẹn trả. Kiểm tra giờ làm việc trong Cài đặt.</translation>
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
    <message>
        <source>There is no form %1 for a dossier.</source>
        <translation>Không có mẫu %1 cho hồ sơ.</translation>
    </message>
    <message>
        <source>The form could not be laid out.</source>
        <translation>Không dàn trang được biểu mẫu.</translation>
    </message>
</context>
<context>
    <name>motcua::sync::CenterConfig</name>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>The configuration file %1 does not exist.</source>
        <translation>Tệp cấu hình %1 không tồn tại.</translation>
    </message>
    <message>
        <source>%1 is not a readable INI file.</source>
        <translation>%1 không phải tệp INI đọc được.</translation>
    </message>
    <message>
        <source>must be a port number.</source>
        <translation>phải là số cổng.</translation>
    </message>
    <message>
        <source>cannot be read.</source>
        <translation>không đọc được.</translation>
    </message>
    <message>
        <source>must be sqlite or postgresql.</source>
        <translation>phải là sqlite hoặc postgresql.</translation>
    </message>
    <message>
        <source>must be an IP address.</source>
        <translation>phải là địa chỉ IP.</translation>
    </message>
    <message>
        <source>must be between 1 and 256.</source>
        <translation>phải từ 1 đến 256.</translation>
    </message>
    <message>
        <source>must be a positive number.</source>
        <translation>phải là số dương.</translation>
    </message>
    <message>
        <source>must be between 0 and 1000.</source>
        <translation>phải từ 0 đến 1000.</translation>
    </message>
</context>
<context>
    <name>motcua::sync::CenterServer</name>
    <message>
        <source>Plain HTTP is allowed only on a loopback address (127.0.0.1 or ::1). Set certificate and key in the [server] section to serve %1 over HTTPS.</source>
        <translation>HTTP thường chỉ được dùng trên địa chỉ nội bộ (127.0.0.1 hoặc ::1). Hãy đặt chứng chỉ và khóa trong mục [server] để phục vụ %1 qua HTTPS.</translation>
    </message>
    <message>
        <source>This system&apos;s Qt has no TLS support (OpenSSL missing).</source>
        <translation>Qt của hệ thống này không hỗ trợ TLS (thiếu OpenSSL).</translation>
    </message>
    <message>
        <source>Cannot read the certificate %1.</source>
        <translation>Không đọc được chứng chỉ %1.</translation>
    </message>
    <message>
        <source>Cannot read the private key %1.</source>
        <translation>Không đọc được khóa riêng %1.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 không chứa chứng chỉ PEM.</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key (EC or RSA).</source>
        <translation>%1 không chứa khóa riêng PEM không mã hóa (EC hoặc RSA).</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: the address is in use or not allowed.</source>
        <translation>Không lắng nghe được trên %1 cổng %2: địa chỉ đang được dùng hoặc không được phép.</translation>
    </message>
</context>
<context>
    <name>motcua::sync::CenterStore</name>
    <message>
        <source>With PostgreSQL, back up with pg_dump or pg_basebackup (docs/deployment.md).</source>
        <translation>Với PostgreSQL, hãy sao lưu bằng pg_dump hoặc pg_basebackup (docs/deployment.md).</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Sao lưu không thành công: %1</translation>
    </message>
    <message>
        <source>No database file is configured for the center.</source>
        <translation>Chưa cấu hình tệp cơ sở dữ liệu cho Trung tâm.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the center&apos;s database.</source>
        <translation>Không tạo được thư mục %1 cho cơ sở dữ liệu của Trung tâm.</translation>
    </message>
    <message>
        <source>Cannot connect to the PostgreSQL database %1 on %2:%3: %4</source>
        <translation>Không kết nối được cơ sở dữ liệu PostgreSQL %1 tại %2:%3: %4</translation>
    </message>
    <message>
        <source>open the center&apos;s database</source>
        <translation>mở cơ sở dữ liệu của Trung tâm</translation>
    </message>
    <message>
        <source>The center&apos;s database was written by a newer MotCua (schema %1; this program knows up to %2). Install the newer version.</source>
        <translation>Cơ sở dữ liệu của Trung tâm do phiên bản MotCua mới hơn ghi (lược đồ %1; chương trình này chỉ biết tới %2). Hãy cài phiên bản mới hơn.</translation>
    </message>
    <message>
        <source>%1 is a database of another program, not a MotCua center database. It has not been changed.</source>
        <translation>%1 là cơ sở dữ liệu của chương trình khác, không phải của Trung tâm MotCua. Tệp không bị thay đổi.</translation>
    </message>
    <message>
        <source>A unit needs an id, a name and an agency id.</source>
        <translation>Đơn vị cần có mã, tên và mã định danh cơ quan.</translation>
    </message>
    <message>
        <source>Slots must be between 1 and 99 (got %1).</source>
        <translation>Số phần (slot) phải từ 1 đến 99 (nhận được %1).</translation>
    </message>
    <message>
        <source>The unit %1 exists already.</source>
        <translation>Đơn vị %1 đã tồn tại.</translation>
    </message>
    <message>
        <source>There is no unit %1. Add it with: unit add</source>
        <translation>Không có đơn vị %1. Thêm bằng lệnh: unit add</translation>
    </message>
    <message>
        <source>An enrollment code may be valid for 1 to 720 hours (got %1).</source>
        <translation>Mã đăng ký chỉ có hiệu lực từ 1 đến 720 giờ (nhận được %1).</translation>
    </message>
    <message>
        <source>All %1 dossier-code slots of unit %2 are taken. Raise the unit&apos;s slots first.</source>
        <translation>Cả %1 phần số hồ sơ của đơn vị %2 đã được dùng hết. Hãy tăng số phần của đơn vị trước.</translation>
    </message>
    <message>
        <source>There is no counter %1.</source>
        <translation>Không có quầy %1.</translation>
    </message>
    <message>
        <source>The enrollment code is not valid.</source>
        <translation>Mã đăng ký không hợp lệ.</translation>
    </message>
    <message>
        <source>The enrollment code is not valid: mistyped, used already, or revoked.</source>
        <translation>Mã đăng ký không hợp lệ: gõ sai, đã được dùng hoặc đã bị thu hồi.</translation>
    </message>
    <message>
        <source>The enrollment code has expired. Ask for a new one.</source>
        <translation>Mã đăng ký đã hết hạn. Hãy xin mã mới.</translation>
    </message>
    <message>
        <source>No credential was sent.</source>
        <translation>Không có thông tin xác thực được gửi kèm.</translation>
    </message>
    <message>
        <source>The credential is malformed.</source>
        <translation>Thông tin xác thực sai định dạng.</translation>
    </message>
    <message>
        <source>Unknown counter.</source>
        <translation>Quầy không xác định.</translation>
    </message>
    <message>
        <source>This counter has been revoked by the provincial center.</source>
        <translation>Quầy này đã bị Trung tâm tỉnh thu hồi.</translation>
    </message>
    <message>
        <source>Wrong credential.</source>
        <translation>Thông tin xác thực không đúng.</translation>
    </message>
    <message>
        <source>An officer needs a login and a full name.</source>
        <translation>Cán bộ cần có tên đăng nhập và họ tên.</translation>
    </message>
    <message>
        <source>Unknown role &apos;%1&apos; (expected officer, supervisor or admin).</source>
        <translation>Vai trò không hợp lệ &apos;%1&apos; (cần là officer, supervisor hoặc admin).</translation>
    </message>
    <message>
        <source>The officer %1 exists already.</source>
        <translation>Cán bộ %1 đã tồn tại.</translation>
    </message>
    <message>
        <source>There is no officer %1.</source>
        <translation>Không có cán bộ %1.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at byte %2).</source>
        <translation>Tệp không phải JSON hợp lệ (%1 tại byte %2).</translation>
    </message>
    <message>
        <source>The cursor %1 is beyond the end of the feed (%2).</source>
        <translation>Con trỏ %1 vượt quá cuối dòng dữ liệu (%2).</translation>
    </message>
    <message>
        <source>The center has no such dossier.</source>
        <translation>Trung tâm không có hồ sơ này.</translation>
    </message>
</context>
<context>
    <name>motcua::sync::Credentials</name>
    <message>
        <source>The keychain holds no credential for this counter. Enroll it with the provincial center again.</source>
        <translation>Kho khóa không có thông tin xác thực của quầy này. Hãy đăng ký lại với Trung tâm tỉnh.</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access. Unlock it (log in to the desktop again) and retry; work goes on offline meanwhile.</source>
        <translation>Kho khóa đang khóa hoặc từ chối truy cập. Hãy mở khóa (đăng nhập lại máy tính) rồi thử lại; trong lúc chờ, quầy vẫn làm việc ngoại tuyến.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer (the Secret Service, e.g. GNOME Keyring, is not running), so the counter cannot sign in to the provincial center. Work goes on offline. Ask IT to start the keychain.</source>
        <translation>Máy tính này không có kho khóa (dịch vụ Secret Service, ví dụ GNOME Keyring, chưa chạy), nên quầy không đăng nhập được vào Trung tâm tỉnh. Quầy vẫn làm việc ngoại tuyến. Hãy đề nghị bộ phận CNTT khởi động kho khóa.</translation>
    </message>
    <message>
        <source>the OS keychain</source>
        <translation>kho khóa của hệ điều hành</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
    <message>
        <source>There is no credential file %1.</source>
        <translation>Không có tệp thông tin xác thực %1.</translation>
    </message>
    <message>
        <source>%1 holds no credential for this counter.</source>
        <translation>%1 không chứa thông tin xác thực của quầy này.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Không xóa được %1.</translation>
    </message>
    <message>
        <source>the plain file %1 (allowed by the administrator)</source>
        <translation>tệp thường %1 (được quản trị viên cho phép)</translation>
    </message>
    <message>
        <source>No keychain can be used on this computer (%1), so the counter cannot keep its credential for the provincial center. Work goes on offline. Ask IT to start the keychain (e.g. GNOME Keyring) for this user.</source>
        <translation>Không dùng được kho khóa nào trên máy tính này (%1), nên quầy không lưu được thông tin xác thực với Trung tâm tỉnh. Quầy vẫn làm việc ngoại tuyến. Hãy đề nghị bộ phận CNTT khởi động kho khóa (ví dụ GNOME Keyring) cho người dùng này.</translation>
    </message>
    <message>
        <source>Cannot write in %1.</source>
        <translation>Không ghi được vào %1.</translation>
    </message>
</context>
<context>
    <name>motcua::sync::HttpResponseParser</name>
    <message>
        <source>the center closed the connection in the middle of its answer</source>
        <translation>Trung tâm đóng kết nối khi đang trả lời</translation>
    </message>
    <message>
        <source>the center closed the connection without answering</source>
        <translation>Trung tâm đóng kết nối mà không trả lời</translation>
    </message>
    <message>
        <source>the center&apos;s answer is larger than %1 MiB</source>
        <translation>câu trả lời của Trung tâm lớn hơn %1 MiB</translation>
    </message>
    <message>
        <source>the center&apos;s answer has a header longer than %1 KiB</source>
        <translation>câu trả lời của Trung tâm có phần đầu dài hơn %1 KiB</translation>
    </message>
    <message>
        <source>the center&apos;s answer has a malformed chunk</source>
        <translation>câu trả lời của Trung tâm có một khối dữ liệu sai định dạng</translation>
    </message>
    <message>
        <source>the center&apos;s answer is not HTTP</source>
        <translation>câu trả lời của Trung tâm không phải HTTP</translation>
    </message>
    <message>
        <source>the center&apos;s answer uses an unsupported transfer coding (%1)</source>
        <translation>câu trả lời của Trung tâm dùng cách mã hoá truyền không được hỗ trợ (%1)</translation>
    </message>
</context>
<context>
    <name>motcua::sync::HttpTransport</name>
    <message>
        <source>The center address %1 is not an http(s) URL.</source>
        <translation>Địa chỉ Trung tâm %1 không phải URL http(s).</translation>
    </message>
    <message>
        <source>The center address must start with https:// (plain http is only for a center on this computer).</source>
        <translation>Địa chỉ Trung tâm phải bắt đầu bằng https:// (http thường chỉ dùng cho Trung tâm trên chính máy này).</translation>
    </message>
    <message>
        <source>the center&apos;s certificate is not signed by the province&apos;s CA (%1)</source>
        <translation>chứng chỉ của Trung tâm không do CA của tỉnh ký (%1)</translation>
    </message>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>không có phản hồi trong %n giây</numerusform>
        </translation>
    </message>
    <message>
        <source>The province&apos;s CA certificate cannot be read. Ask the center&apos;s admin for the CA file and enroll again.</source>
        <translation>Không đọc được chứng thư CA của tỉnh. Hãy xin quản trị viên Trung tâm tệp CA và đăng ký lại.</translation>
    </message>
    <message>
        <source>This system&apos;s Qt has no TLS support (OpenSSL missing).</source>
        <translation>Qt của hệ thống này không hỗ trợ TLS (thiếu OpenSSL).</translation>
    </message>
    <message>
        <source>the center closed the connection</source>
        <translation>Trung tâm đã đóng kết nối</translation>
    </message>
    <message>
        <source>no request was made</source>
        <translation>chưa gửi yêu cầu nào</translation>
    </message>
</context>
<context>
    <name>motcua::sync::SyncClient</name>
    <message>
        <source>This counter is not connected to a provincial center.</source>
        <translation>Quầy này không kết nối với Trung tâm tỉnh.</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) fetched from the provincial center.</source>
        <translation>
            <numerusform>Đã lấy %n hồ sơ từ Trung tâm tỉnh.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrolled as counter %1 of %2.</source>
        <translation>Đã đăng ký quầy %1 của %2.</translation>
    </message>
    <message>
        <source>The sync client is not running; start the program again.</source>
        <translation>Bộ đồng bộ chưa chạy; hãy mở lại chương trình.</translation>
    </message>
</context>
<context>
    <name>motcua::sync::SyncEngine</name>
    <message>
        <source>The provincial center cannot be reached (%1). Work goes on offline; dossiers are sent when the connection is back.</source>
        <translation>Không kết nối được Trung tâm tỉnh (%1). Quầy vẫn làm việc ngoại tuyến; hồ sơ sẽ được gửi khi có kết nối trở lại.</translation>
    </message>
    <message>
        <source>The provincial center has revoked this counter. Ask the provincial IT administrator to enroll it again; work goes on offline meanwhile.</source>
        <translation>Trung tâm tỉnh đã thu hồi quầy này. Hãy đề nghị quản trị CNTT của tỉnh đăng ký lại; trong lúc chờ, quầy vẫn làm việc ngoại tuyến.</translation>
    </message>
    <message>
        <source>The provincial center does not recognise this counter&apos;s credential. Ask the provincial IT administrator to enroll it again; work goes on offline meanwhile.</source>
        <translation>Trung tâm tỉnh không nhận ra thông tin xác thực của quầy này. Hãy đề nghị quản trị CNTT của tỉnh đăng ký lại; trong lúc chờ, quầy vẫn làm việc ngoại tuyến.</translation>
    </message>
    <message>
        <source>The enrollment code was not accepted: it is mistyped, used already, or expired. Ask the provincial IT administrator for a new code.</source>
        <translation>Mã đăng ký không được chấp nhận: gõ sai, đã được dùng hoặc đã hết hạn. Hãy xin quản trị CNTT của tỉnh mã mới.</translation>
    </message>
    <message numerus="yes">
        <source>The provincial center is busy; this counter retries in %n second(s).</source>
        <translation>
            <numerusform>Trung tâm tỉnh đang bận; quầy sẽ thử lại sau %n giây.</numerusform>
        </translation>
    </message>
    <message>
        <source>The provincial center had a problem (HTTP %1); retrying later.</source>
        <translation>Trung tâm tỉnh gặp sự cố (HTTP %1); sẽ thử lại sau.</translation>
    </message>
    <message>
        <source>The provincial center refused the request (HTTP %1, %2).</source>
        <translation>Trung tâm tỉnh từ chối yêu cầu (HTTP %1, %2).</translation>
    </message>
    <message>
        <source>The provincial center sent an answer this counter cannot read.</source>
        <translation>Trung tâm tỉnh gửi về câu trả lời mà quầy không đọc được.</translation>
    </message>
    <message>
        <source>The provincial center was restored from a backup; this counter sends its dossiers again.</source>
        <translation>Trung tâm tỉnh đã được khôi phục từ bản sao lưu; quầy gửi lại hồ sơ của mình.</translation>
    </message>
    <message>
        <source>The provincial center has fewer dossiers than this counter has seen; sending them again.</source>
        <translation>Trung tâm tỉnh có ít hồ sơ hơn số quầy đã thấy; đang gửi lại.</translation>
    </message>
    <message>
        <source>The provincial center sent an event this counter cannot read: %1</source>
        <translation>Trung tâm tỉnh gửi về một sự kiện mà quầy không đọc được: %1</translation>
    </message>
    <message>
        <source>The provincial center has no dossier %1.</source>
        <translation>Trung tâm tỉnh không có hồ sơ %1.</translation>
    </message>
    <message>
        <source>Give a dossier code or an ID number.</source>
        <translation>Hãy nhập mã hồ sơ hoặc số định danh.</translation>
    </message>
    <message>
        <source>The center at %1 does not accept counter %2: it is not this province&apos;s center, or the counter was revoked. Nothing was changed.</source>
        <translation>Trung tâm tại %1 không chấp nhận quầy %2: đó không phải trung tâm của tỉnh này, hoặc quầy đã bị thu hồi. Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Không có gì bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ApplicantForm</name>
    <message>
        <source>Applicant (scan the ID card anywhere on this page)</source>
        <translation>Người nộp hồ sơ (quét thẻ căn cước ở bất kỳ đâu trên trang này)</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>Số định &amp;danh:</translation>
    </message>
    <message>
        <source>Old ID (CMND):</source>
        <translation>Số CMND cũ:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Giới tính:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Ngày &amp;sinh:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Nơi &amp;cư trú:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Điện t&amp;hoại:</translation>
    </message>
    <message>
        <source>Authorised &amp;representative</source>
        <translation>Người được ủ&amp;y quyền</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
</context>
<context>
    <name>motcua::ui::DossierDetail</name>
    <message>
        <source>Transfer to agency…</source>
        <translation>Chuyển cơ quan giải quyết…</translation>
    </message>
    <message>
        <source>Appraised</source>
        <translation>Đã thẩm định</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã phê duyệt</translation>
    </message>
    <message>
        <source>Signed and stamped</source>
        <translation>Đã ký, đóng dấu</translation>
    </message>
    <message>
        <source>Result ready</source>
        <translation>Có kết quả</translation>
    </message>
    <message>
        <source>Return the result…</source>
        <translation>Trả kết quả…</translation>
    </message>
    <message>
        <source>Request supplement… (Form 02)</source>
        <translation>Yêu cầu bổ sung… (Mẫu 02)</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>Đã nhận bổ sung</translation>
    </message>
    <message>
        <source>Apology and new date… (Form 04)</source>
        <translation>Xin lỗi, hẹn lại… (Mẫu 04)</translation>
    </message>
    <message>
        <source>Stop… (Form 05)</source>
        <translation>Dừng giải quyết… (Mẫu 05)</translation>
    </message>
    <message>
        <source>Withdrawn by the citizen…</source>
        <translation>Công dân rút hồ sơ…</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Từ chối…</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Ghi chú…</translation>
    </message>
    <message>
        <source>Fee…</source>
        <translation>Phí, lệ phí…</translation>
    </message>
    <message>
        <source>Resolve conflict…</source>
        <translation>Xử lý xung đột…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Reprint Form 01 (receipt and appointment)</source>
        <translation>In lại Mẫu 01 (giấy tiếp nhận, hẹn trả)</translation>
    </message>
    <message>
        <source>Reprint Form 02 (supplement request)</source>
        <translation>In lại Mẫu 02 (yêu cầu bổ sung)</translation>
    </message>
    <message>
        <source>Reprint Form 03 (refusal)</source>
        <translation>In lại Mẫu 03 (từ chối tiếp nhận)</translation>
    </message>
    <message>
        <source>Reprint Form 04 (apology, new date)</source>
        <translation>In lại Mẫu 04 (xin lỗi, hẹn lại)</translation>
    </message>
    <message>
        <source>Reprint Form 05 (stop notice)</source>
        <translation>In lại Mẫu 05 (thông báo dừng)</translation>
    </message>
    <message>
        <source>Print Form 06 (control sheet)</source>
        <translation>In Mẫu 06 (phiếu kiểm soát)</translation>
    </message>
    <message>
        <source>Save Form 01 as PDF…</source>
        <translation>Lưu Mẫu 01 thành PDF…</translation>
    </message>
    <message>
        <source>Save Form 01 as PDF</source>
        <translation>Lưu Mẫu 01 thành PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Đã lưu %1.</translation>
    </message>
    <message>
        <source>Choose a dossier in the list.</source>
        <translation>Chọn một hồ sơ trong danh sách.</translation>
    </message>
    <message>
        <source>Choose a dossier first.</source>
        <translation>Hãy chọn hồ sơ trước.</translation>
    </message>
    <message>
        <source>Recorded: %1.</source>
        <translation>Đã ghi nhận: %1.</translation>
    </message>
    <message>
        <source>Form %1 was not printed: %2</source>
        <translation>Mẫu %1 chưa được in: %2</translation>
    </message>
    <message>
        <source>conflicting steps recorded offline: a supervisor must decide</source>
        <translation>có các bước xung đột ghi khi ngoại tuyến: lãnh đạo cần quyết định</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
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
        <source>Representative</source>
        <translation>Người được ủy quyền</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>counter %1, officer %2</source>
        <translation>quầy %1, cán bộ %2</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Thành phần hồ sơ</translation>
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
        <source>Timeline</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>conflict, not applied</source>
        <translation>xung đột, chưa áp dụng</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>chưa áp dụng</translation>
    </message>
    <message>
        <source>Result handed over</source>
        <translation>Nơi trả kết quả</translation>
    </message>
</context>
<context>
    <name>motcua::ui::DossierTableModel</name>
    <message>
        <source>%1 — conflict</source>
        <translation>%1 — xung đột</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Quá hạn từ %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
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
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
</context>
<context>
    <name>motcua::ui::DossiersPage</name>
    <message>
        <source>Search: code, ID number, phone or name (without diacritics)</source>
        <translation>Tìm: mã hồ sơ, số định danh, điện thoại hoặc tên (gõ không dấu)</translation>
    </message>
    <message>
        <source>All dossiers</source>
        <translation>Tất cả hồ sơ</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <source>Due in 2 days</source>
        <translation>Đến hạn trong 2 ngày</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Waiting for supplement</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <source>Result ready</source>
        <translation>Có kết quả</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>&amp;Xem:</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Any procedure</source>
        <translation>Mọi thủ tục</translation>
    </message>
    <message>
        <source>Any field</source>
        <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
        <source>Received anywhere</source>
        <translation>Tiếp nhận ở mọi nơi</translation>
    </message>
    <message>
        <source>Received here</source>
        <translation>Tiếp nhận tại quầy này</translation>
    </message>
    <message>
        <source>Received elsewhere</source>
        <translation>Tiếp nhận nơi khác</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Tiếp nhận từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) shown; scroll for more</source>
        <translation>
            <numerusform>Đang hiện %n hồ sơ; cuộn xuống để xem thêm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n hồ sơ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>motcua::ui::EventDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>To the agency:</source>
        <translation>Chuyển đến cơ quan:</translation>
    </message>
    <message>
        <source>New appointment:</source>
        <translation>Thời hạn hẹn mới:</translation>
    </message>
    <message>
        <source>Reason for the delay:</source>
        <translation>Lý do chậm:</translation>
    </message>
    <message>
        <source>the applicant</source>
        <translation>người nộp hồ sơ</translation>
    </message>
    <message>
        <source>authorised representative</source>
        <translation>người được ủy quyền</translation>
    </message>
    <message>
        <source>other (see note)</source>
        <translation>người khác (xem ghi chú)</translation>
    </message>
    <message>
        <source>I checked the receiver&apos;s ID card against these details</source>
        <translation>Tôi đã đối chiếu giấy tờ tùy thân của người nhận với thông tin này</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>Người nhận:</translation>
    </message>
    <message>
        <source>Their ID number:</source>
        <translation>Số định danh người nhận:</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>Quan hệ:</translation>
    </message>
    <message>
        <source>Scanning the receiver&apos;s ID card fills the name and number.</source>
        <translation>Quét thẻ căn cước của người nhận để điền họ tên và số định danh.</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Số tiền:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Quyết định:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>The scanned ID card could not be read: %1</source>
        <translation>Không đọc được thẻ căn cước vừa quét: %1</translation>
    </message>
    <message>
        <source>Type the note.</source>
        <translation>Nhập nội dung ghi chú.</translation>
    </message>
    <message>
        <source>Type the reason.</source>
        <translation>Nhập lý do.</translation>
    </message>
    <message>
        <source>Type the agency the dossier goes to.</source>
        <translation>Nhập cơ quan nhận hồ sơ.</translation>
    </message>
    <message>
        <source>The new appointment must be later than the current one (%1).</source>
        <translation>Thời hạn hẹn mới phải sau thời hạn hiện tại (%1).</translation>
    </message>
    <message>
        <source>Type who receives the result.</source>
        <translation>Nhập người nhận kết quả.</translation>
    </message>
    <message>
        <source>Check the receiver&apos;s ID card, then tick the box.</source>
        <translation>Đối chiếu giấy tờ tùy thân của người nhận rồi đánh dấu vào ô.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>motcua::ui::FormPrinter</name>
    <message>
        <source>The printer &quot;%1&quot; set for form %2 is not available. Check that it is switched on and connected, or choose another printer in Settings.</source>
        <translation>Máy in &quot;%1&quot; đặt cho mẫu %2 không sẵn sàng. Kiểm tra máy in đã bật và đã kết nối, hoặc chọn máy in khác trong Cài đặt.</translation>
    </message>
    <message>
        <source>No printer is installed on this computer. Install one, or choose &quot;Preview before printing&quot; in Settings to check the form and save it as PDF.</source>
        <translation>Máy tính này chưa cài máy in. Hãy cài máy in, hoặc chọn &quot;Xem trước khi in&quot; trong Cài đặt để xem biểu mẫu và lưu thành PDF.</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another folder.</source>
        <translation>Không ghi được %1: %2. Hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <source>The printer &quot;%1&quot; reported an error. Check paper and toner, then print again from the dossier&apos;s page.</source>
        <translation>Máy in &quot;%1&quot; báo lỗi. Kiểm tra giấy và mực, rồi in lại từ trang hồ sơ.</translation>
    </message>
    <message>
        <source>Preview — %1</source>
        <translation>Xem trước — %1</translation>
    </message>
    <message>
        <source>The form was printed, but the reprint could not be recorded: %1</source>
        <translation>Biểu mẫu đã được in nhưng chưa ghi nhận được lần in lại: %1</translation>
    </message>
</context>
<context>
    <name>motcua::ui::LoginPage</name>
    <message>
        <source>&amp;Login:</source>
        <translation>Tên đăng &amp;nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Counter %1 · %2</source>
        <translation>Quầy %1 · %2</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Màn hình đã khóa</translation>
    </message>
    <message>
        <source>The screen was locked after a time without use. Type your password to continue, or sign in as another officer.</source>
        <translation>Màn hình đã khóa do không sử dụng một thời gian. Nhập mật khẩu để tiếp tục, hoặc đăng nhập bằng cán bộ khác.</translation>
    </message>
    <message>
        <source>Type your login.</source>
        <translation>Nhập tên đăng nhập.</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>Đăng nhập không thành công: %1</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>Tên đăng nhập hoặc mật khẩu không đúng.</translation>
    </message>
    <message numerus="yes">
        <source>The login or the password is wrong. %n more wrong attempt(s) lock the account for %1 minutes.</source>
        <translation>
            <numerusform>Tên đăng nhập hoặc mật khẩu không đúng. Sai thêm %n lần nữa tài khoản sẽ bị khóa %1 phút.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until %1. Wait, or ask the unit&apos;s admin.</source>
        <translation>Nhập sai mật khẩu quá nhiều lần: tài khoản bị khóa đến %1. Hãy chờ, hoặc liên hệ quản trị của đơn vị.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the unit&apos;s admin.</source>
        <translation>Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị của đơn vị.</translation>
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
    <message>
        <source>&amp;Receive (F2)</source>
        <translation>&amp;Tiếp nhận (F2)</translation>
    </message>
    <message>
        <source>&amp;Dossiers (F3)</source>
        <translation>&amp;Hồ sơ (F3)</translation>
    </message>
    <message>
        <source>Re&amp;turn results (F4)</source>
        <translation>T&amp;rả kết quả (F4)</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Tổng &amp;quan</translation>
    </message>
    <message>
        <source>&amp;Import a procedure catalog…</source>
        <translation>&amp;Nhập danh mục thủ tục…</translation>
    </message>
    <message>
        <source>Import a procedure catalog</source>
        <translation>Nhập danh mục thủ tục</translation>
    </message>
    <message>
        <source>Catalog (*.json)</source>
        <translation>Danh mục (*.json)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Khóa màn hình</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Đi tới</translation>
    </message>
    <message>
        <source>&amp;Receive a dossier</source>
        <translation>&amp;Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Dossiers</source>
        <translation>&amp;Hồ sơ</translation>
    </message>
    <message>
        <source>Re&amp;turn a result</source>
        <translation>T&amp;rả kết quả</translation>
    </message>
    <message>
        <source>&amp;Overdue dossiers</source>
        <translation>Hồ sơ &amp;quá hạn</translation>
    </message>
    <message>
        <source>Standalone (not connected to a center)</source>
        <translation>Độc lập (không kết nối Trung tâm)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Chưa đăng nhập</translation>
    </message>
    <message>
        <source>Officer: %1 (%2)</source>
        <translation>Cán bộ: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) waiting to sync</source>
        <translation>
            <numerusform>%n sự kiện chờ đồng bộ</numerusform>
        </translation>
    </message>
    <message>
        <source>Events waiting: unknown (%1)</source>
        <translation>Sự kiện chờ đồng bộ: chưa rõ (%1)</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Đồng bộ lần cuối: chưa có</translation>
    </message>
    <message>
        <source>Offline — working locally</source>
        <translation>Mất kết nối — làm việc tại chỗ</translation>
    </message>
    <message>
        <source>Online — syncing …</source>
        <translation>Trực tuyến — đang đồng bộ …</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Lỗi đồng bộ</translation>
    </message>
    <message>
        <source>Next attempt at %1.</source>
        <translation>Thử lại lúc %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n rejected by the center</source>
        <translation>
            <numerusform>%n bị Trung tâm từ chối</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Đồng bộ lần cuối: %1</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <source>Wait until the current work finishes.</source>
        <translation>Hãy chờ công việc hiện tại hoàn tất.</translation>
    </message>
    <message>
        <source>Backing up …</source>
        <translation>Đang sao lưu …</translation>
    </message>
    <message>
        <source>The backup failed: %1 Check the free disk space, then try again.</source>
        <translation>Sao lưu không thành công: %1 Kiểm tra dung lượng đĩa còn trống rồi thử lại.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Không đọc được %1: %2</translation>
    </message>
    <message>
        <source>Importing the catalog …</source>
        <translation>Đang nhập danh mục …</translation>
    </message>
    <message>
        <source>The catalog was not imported: %1</source>
        <translation>Chưa nhập được danh mục: %1</translation>
    </message>
    <message>
        <source>Catalog imported.</source>
        <translation>Đã nhập danh mục.</translation>
    </message>
    <message numerus="yes">
        <source>Receiving dossiers from the center: %n event(s)</source>
        <translation>
            <numerusform>Đang nhận hồ sơ từ Trung tâm: %n sự kiện</numerusform>
        </translation>
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
    <message>
        <source>being checked in the background; saving waits for it</source>
        <translation>đang được kiểm tra ở chế độ nền; việc lưu sẽ chờ kiểm tra xong</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>chưa kiểm tra</translation>
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
<context>
    <name>motcua::ui::ReceivePage</name>
    <message>
        <source>&amp;Procedure (type without diacritics; ↑ ↓ and Enter):</source>
        <translation>&amp;Thủ tục (gõ không dấu; ↑ ↓ và Enter):</translation>
    </message>
    <message>
        <source>e.g. dang ky khai sinh, or a code like 1.001193</source>
        <translation>ví dụ: dang ky khai sinh, hoặc mã như 1.001193</translation>
    </message>
    <message>
        <source>Documents received</source>
        <translation>Thành phần hồ sơ đã nhận</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
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
        <source>Se&amp;ts:</source>
        <translation>Số &amp;bộ:</translation>
    </message>
    <message>
        <source>&amp;Fee:</source>
        <translation>&amp;Phí, lệ phí:</translation>
    </message>
    <message>
        <source>Return &amp;result:</source>
        <translation>T&amp;rả kết quả:</translation>
    </message>
    <message>
        <source>at &amp;unit:</source>
        <translation>tại đơn &amp;vị:</translation>
    </message>
    <message>
        <source>what is missing (F7) or why the dossier is refused (F8)</source>
        <translation>nội dung cần bổ sung (F7) hoặc lý do từ chối (F8)</translation>
    </message>
    <message>
        <source>Reas&amp;on:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>New (Ctrl+N)</source>
        <translation>Hồ sơ mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Request supplement (F7)</source>
        <translation>Yêu cầu bổ sung (F7)</translation>
    </message>
    <message>
        <source>Refuse (F8)</source>
        <translation>Từ chối (F8)</translation>
    </message>
    <message>
        <source>Save and print (Ctrl+Enter)</source>
        <translation>Lưu và in (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
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
        <source>none</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>originals %1, certified copies %2, copies %3</source>
        <translation>bản chính %1, bản sao chứng thực %2, bản sao %3</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Appointment: choose a procedure first.</source>
        <translation>Hẹn trả: hãy chọn thủ tục trước.</translation>
    </message>
    <message>
        <source>Appointment: &lt;b&gt;%1&lt;/b&gt; (%2, from now)</source>
        <translation>Hẹn trả: &lt;b&gt;%1&lt;/b&gt; (%2, tính từ bây giờ)</translation>
    </message>
    <message>
        <source>The scanned ID card could not be read: %1 What was typed is kept; scan again or type the fields.</source>
        <translation>Không đọc được thẻ căn cước vừa quét: %1 Thông tin đã nhập được giữ nguyên; hãy quét lại hoặc nhập tay.</translation>
    </message>
    <message>
        <source>Choose the procedure first: type its name or code in the search box, then press Enter.</source>
        <translation>Hãy chọn thủ tục trước: gõ tên hoặc mã vào ô tìm kiếm rồi nhấn Enter.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
    <message>
        <source>Type what is missing in Reason, then press F7 again.</source>
        <translation>Nhập nội dung cần bổ sung vào ô Lý do rồi nhấn F7 lần nữa.</translation>
    </message>
    <message>
        <source>Type why the dossier is refused in Reason, then press F8 again.</source>
        <translation>Nhập lý do từ chối vào ô Lý do rồi nhấn F8 lần nữa.</translation>
    </message>
    <message>
        <source>Saved: dossier %1. Appointment %2.</source>
        <translation>Đã lưu hồ sơ %1. Hẹn trả %2.</translation>
    </message>
    <message>
        <source>Saved: dossier %1, waiting for a supplement.</source>
        <translation>Đã lưu hồ sơ %1, chờ bổ sung.</translation>
    </message>
    <message>
        <source>Refused at intake: dossier %1.</source>
        <translation>Đã từ chối tiếp nhận: hồ sơ %1.</translation>
    </message>
    <message>
        <source>The form was not printed: %1 Print it again from the dossier&apos;s page.</source>
        <translation>Biểu mẫu chưa được in: %1 Hãy in lại từ trang hồ sơ.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ReturnPage</name>
    <message>
        <source>Dossier code, ID number or phone — or scan the ID card</source>
        <translation>Mã hồ sơ, số định danh hoặc điện thoại — hoặc quét thẻ căn cước</translation>
    </message>
    <message>
        <source>&amp;Find the dossier:</source>
        <translation>&amp;Tìm hồ sơ:</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>The scanned ID card could not be read: %1</source>
        <translation>Không đọc được thẻ căn cước vừa quét: %1</translation>
    </message>
    <message>
        <source>Type or scan the dossier code, or the citizen&apos;s ID number.</source>
        <translation>Nhập hoặc quét mã hồ sơ, hoặc số định danh của công dân.</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) found.</source>
        <translation>
            <numerusform>Tìm thấy %n hồ sơ.</numerusform>
        </translation>
    </message>
    <message>
        <source>No dossier on this counter matches &quot;%1&quot;.</source>
        <translation>Không có hồ sơ nào tại quầy này khớp với &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Dossier %1 is not on this counter, and the provincial center cannot be reached now, so it cannot be fetched. Ask the citizen to come back when the counter is online, or look it up at a counter of the unit that received it.</source>
        <translation>Hồ sơ %1 không có tại quầy này, và hiện không kết nối được Trung tâm tỉnh nên không lấy về được. Hãy hẹn công dân quay lại khi quầy có kết nối, hoặc tra cứu tại quầy của đơn vị đã tiếp nhận.</translation>
    </message>
    <message>
        <source>Dossier %1 is not on this counter; asking the provincial center …</source>
        <translation>Hồ sơ %1 không có tại quầy này; đang hỏi Trung tâm tỉnh …</translation>
    </message>
    <message>
        <source>The provincial center has no dossier %1.</source>
        <translation>Trung tâm tỉnh không có hồ sơ %1.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Preview before printing (and save as PDF from the preview)</source>
        <translation>Xem trước khi in (và lưu PDF từ màn hình xem trước)</translation>
    </message>
    <message>
        <source>Print directly to the form&apos;s printer</source>
        <translation>In thẳng ra máy in của biểu mẫu</translation>
    </message>
    <message>
        <source>&lt;b&gt;Form&lt;/b&gt;</source>
        <translation>&lt;b&gt;Biểu mẫu&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Printer&lt;/b&gt;</source>
        <translation>&lt;b&gt;Máy in&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Paper&lt;/b&gt;</source>
        <translation>&lt;b&gt;Khổ giấy&lt;/b&gt;</translation>
    </message>
    <message>
        <source>01 Receipt and appointment</source>
        <translation>01 Giấy tiếp nhận, hẹn trả</translation>
    </message>
    <message>
        <source>02 Supplement request</source>
        <translation>02 Phiếu yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>03 Refusal</source>
        <translation>03 Phiếu từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>04 Apology and new date</source>
        <translation>04 Văn bản xin lỗi, hẹn lại</translation>
    </message>
    <message>
        <source>05 Stop notice</source>
        <translation>05 Thông báo dừng giải quyết</translation>
    </message>
    <message>
        <source>06 Control sheet</source>
        <translation>06 Phiếu kiểm soát</translation>
    </message>
    <message>
        <source>07 Register</source>
        <translation>07 Sổ theo dõi hồ sơ</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>Máy in mặc định của hệ thống</translation>
    </message>
    <message>
        <source>%1 (not available)</source>
        <translation>%1 (không sẵn sàng)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <translation>Giấy in nhiệt 80 mm</translation>
    </message>
    <message>
        <source>No printer is installed on this computer: forms open in the preview, where they can be saved as PDF.</source>
        <translation>Máy tính này chưa cài máy in: biểu mẫu sẽ mở ở màn hình xem trước, nơi có thể lưu thành PDF.</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>In ấn</translation>
    </message>
    <message>
        <source>never</source>
        <translation>không bao giờ</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>Language (applies at the next start):</source>
        <translation>Ngôn ngữ (áp dụng từ lần mở sau):</translation>
    </message>
    <message>
        <source>Lock the screen after this long without use:</source>
        <translation>Khóa màn hình khi không sử dụng trong:</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Máy tính này</translation>
    </message>
    <message>
        <source>Working hours:</source>
        <translation>Giờ làm việc:</translation>
    </message>
    <message>
        <source>Parent agency (form header):</source>
        <translation>Cơ quan chủ quản (tiêu đề biểu mẫu):</translation>
    </message>
    <message>
        <source>Center name (form header):</source>
        <translation>Tên Trung tâm (tiêu đề biểu mẫu):</translation>
    </message>
    <message>
        <source>Place name (&quot;…, ngày …&quot;):</source>
        <translation>Địa danh (&quot;…, ngày …&quot;):</translation>
    </message>
    <message>
        <source>Public look-up link (QR code):</source>
        <translation>Đường dẫn tra cứu (mã QR):</translation>
    </message>
    <message>
        <source>Only the unit&apos;s admin can change these.</source>
        <translation>Chỉ quản trị của đơn vị được thay đổi các mục này.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Working hours: %1 Write them like 07:00-11:30,13:30-17:00.</source>
        <translation>Giờ làm việc: %1 Hãy viết theo dạng 07:00-11:30,13:30-17:00.</translation>
    </message>
    <message>
        <source>The unit&apos;s settings were not saved: %1 Try again in a moment.</source>
        <translation>Chưa lưu được cài đặt của đơn vị: %1 Hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>motcua::ui::SetupPage</name>
    <message>
        <source>Set up this counter</source>
        <translation>Thiết lập quầy</translation>
    </message>
    <message>
        <source>&amp;Standalone, for a demo or training (no provincial center)</source>
        <translation>&amp;Độc lập, để trình diễn hoặc tập huấn (không kết nối Trung tâm tỉnh)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>Admin login:</source>
        <translation>Tên đăng nhập quản trị:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>&amp;Mật khẩu mới:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Enroll with the provincial center</source>
        <translation>Đăng &amp;ký với Trung tâm tỉnh</translation>
    </message>
    <message>
        <source>the one-time code the center&apos;s admin gave you</source>
        <translation>mã dùng một lần do quản trị Trung tâm cấp</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Tiếp tục</translation>
    </message>
    <message>
        <source>Type the center&apos;s address, e.g. https://motcua.quangninh.gov.vn.</source>
        <translation>Nhập địa chỉ Trung tâm, ví dụ https://motcua.quangninh.gov.vn.</translation>
    </message>
    <message>
        <source>Type the enrollment code the center&apos;s admin gave you.</source>
        <translation>Nhập mã đăng ký do quản trị Trung tâm cấp.</translation>
    </message>
    <message>
        <source>Enrolling with %1 …</source>
        <translation>Đang đăng ký với %1 …</translation>
    </message>
    <message>
        <source>Enrollment with a provincial center is not available in this program yet. Choose &quot;Standalone&quot; to work without a center, and enroll later.</source>
        <translation>Chương trình này chưa hỗ trợ đăng ký với Trung tâm tỉnh. Hãy chọn &quot;Độc lập&quot; để làm việc không cần Trung tâm, và đăng ký sau.</translation>
    </message>
    <message>
        <source>Enrollment failed: %1</source>
        <translation>Đăng ký không thành công: %1</translation>
    </message>
    <message>
        <source>Type the admin&apos;s login and full name.</source>
        <translation>Nhập tên đăng nhập và họ tên của quản trị viên.</translation>
    </message>
    <message>
        <source>Choose a password of at least 6 characters.</source>
        <translation>Chọn mật khẩu có ít nhất 6 ký tự.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Hai mật khẩu không khớp. Hãy nhập cùng một mật khẩu hai lần.</translation>
    </message>
    <message>
        <source>optional: the province CA file (.pem) the admin gave you</source>
        <translation>không bắt buộc: tệp CA của tỉnh (.pem) do quản trị viên cấp</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the province CA certificate file</source>
        <translation>Chọn tệp chứng thư CA của tỉnh</translation>
    </message>
    <message>
        <source>Province CA certificate</source>
        <translation>Chứng thư CA của tỉnh</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Chứng thư (*.pem *.crt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Center &amp;address:</source>
        <translation>Địa chỉ &amp;web của Trung tâm:</translation>
    </message>
    <message>
        <source>Enrollment co&amp;de:</source>
        <translation>Mã &amp;số đăng ký:</translation>
    </message>
    <message>
        <source>Province C&amp;A:</source>
        <translation>&amp;CA của tỉnh:</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read: %2. Check the name, or leave the field empty.</source>
        <translation>Không đọc được tệp CA %1: %2. Hãy kiểm tra tên tệp, hoặc để trống ô này.</translation>
    </message>
    <message>
        <source>%1 holds no certificate in PEM form (it should start with &quot;-----BEGIN CERTIFICATE-----&quot;). Ask the center&apos;s admin for the province CA file.</source>
        <translation>%1 không chứa chứng thư dạng PEM (phải bắt đầu bằng &quot;-----BEGIN CERTIFICATE-----&quot;). Hãy xin quản trị viên Trung tâm tệp CA của tỉnh.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::texts</name>
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
        <translation>trong ngày (nhận từ 15:00: ngày làm việc tiếp theo)</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Chưa đầy đủ</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Waiting for supplement</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Đã chuyển xử lý</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Đang giải quyết</translation>
    </message>
    <message>
        <source>Result ready</source>
        <translation>Có kết quả</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Dừng giải quyết</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Đã rút</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Supplemented</source>
        <translation>Đã bổ sung</translation>
    </message>
    <message>
        <source>Transferred to the agency</source>
        <translation>Chuyển cơ quan giải quyết</translation>
    </message>
    <message>
        <source>Processing step</source>
        <translation>Bước xử lý</translation>
    </message>
    <message>
        <source>Apology and new date</source>
        <translation>Xin lỗi, hẹn lại</translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Form reprinted</source>
        <translation>In lại biểu mẫu</translation>
    </message>
    <message>
        <source>Conflict resolved</source>
        <translation>Đã xử lý xung đột</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>đang giải quyết</translation>
    </message>
    <message>
        <source>early</source>
        <translation>trước hạn</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>đúng hạn</translation>
    </message>
    <message>
        <source>late</source>
        <translation>trễ hạn</translation>
    </message>
    <message>
        <source>by post</source>
        <translation>qua bưu chính</translation>
    </message>
    <message>
        <source>online</source>
        <translation>trực tuyến</translation>
    </message>
    <message>
        <source>at the counter</source>
        <translation>tại quầy</translation>
    </message>
</context>
</TS>
