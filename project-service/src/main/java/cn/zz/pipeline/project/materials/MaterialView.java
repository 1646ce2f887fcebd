package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.events.MaterialKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One file of 入库资料 as the API shows it. */
@Schema(name = "Material", description = "入库资料：一份文件的元数据（文件本身存于对象存储）")
public record MaterialView(
        @Schema(required = true, description = "资料 ID", format = "uuid") UUID id,
        @Schema(required = true, description = "资料类别：APPROVAL_DOC 审批/核准/备案文件, CONTRACT 施工合同, SITE_PHOTO 现场照片,"
                + " OTHER 其他") MaterialKind kind,
        @Schema(required = true, description = "类别中文名", example = "施工合同") String kindLabel,
        @Schema(required = true, description = "文件名（仅保留最后一段，去除控制字符，超长截断）", example = "施工合同（盖章版）.pdf")
        String name,
        @Schema(required = true, description = "文件大小（字节）", example = "183204") long size,
        @Schema(required = true, description = "文件内容的 SHA-256（小写十六进制）", pattern = "^[0-9a-f]{64}$") String sha256,
        @Schema(required = true, description = "由文件内容识别的类型（不采用客户端声明的类型）", example = "application/pdf")
        String contentType,
        @Schema(description = "现场照片的拍摄日期（EXIF DateTimeOriginal）；其他类别或无拍摄日期的照片为 null",
                nullable = true, format = "date") LocalDate takenOn,
        @Schema(required = true, description = "现场照片没有拍摄日期（EXIF DateTimeOriginal）时为 true") boolean undated,
        @Schema(required = true, description = "上传人") String uploadedBy,
        @Schema(required = true, description = "上传时间", format = "date-time") Instant uploadedAt) {

    static MaterialView of(Material m) {
        return new MaterialView(m.id(), m.kind(), m.kind().label(), m.name(), m.size(), m.sha256(), m.contentType(),
                m.takenOn(), m.undated(), m.uploadedBy(), m.uploadedAt());
    }
}
