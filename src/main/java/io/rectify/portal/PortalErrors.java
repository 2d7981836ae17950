package io.rectify.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors as pages in plain Chinese with the right status: 404 alike for an unknown document and another round's
 * (so ids cannot be probed), 404 for a document whose file is gone, 400 for a parameter that makes no sense. Also the
 * page for errors that happen outside the controllers (unknown address, rejected request), in place of Spring Boot's
 * white page.
 */
@ControllerAdvice
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortalErrors implements ErrorViewResolver {

    private static final Logger log = LoggerFactory.getLogger("rectify.portal");

    static void describe(Model model, HttpStatus status, String title, String message) {
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
    }

    private final Viewers viewers;
    private final UploadLimits limits;

    PortalErrors(Viewers viewers, UploadLimits limits) {
        this.viewers = viewers;
        this.limits = limits;
    }

    private ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView mav = new ModelAndView("portal/error", status);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) mav.addObject("viewer", viewers.current(request));
        mav.addObject("status", status.value());
        mav.addObject("title", title);
        mav.addObject("message", message);
        return mav;
    }

    @ModelAttribute("viewer")
    Viewer viewer(Viewer viewer) { return viewer; }

    @ExceptionHandler(RoundNotVisible.class)
    ModelAndView roundNotVisible() {
        return page(HttpStatus.FORBIDDEN, "无权查看该轮次", "该轮次不存在，或您的账号未被授权查看。");
    }

    @ExceptionHandler(PortalRounds.ActionNotAllowed.class)
    ModelAndView actionNotAllowed(PortalRounds.ActionNotAllowed e) {
        return page(HttpStatus.FORBIDDEN, "没有权限", e.getMessage());
    }

    @ExceptionHandler(DocumentAccess.NoSuchDocument.class)
    ModelAndView noSuchDocument() {
        return page(HttpStatus.NOT_FOUND, "文档不存在", "没有这个编号的文档，或您的账号未被授权查看。请从文档列表中选择。");
    }

    @ExceptionHandler(NoSuchMeasure.class)
    ModelAndView noSuchMeasure() {
        return page(HttpStatus.NOT_FOUND, "整改措施不存在", "没有这项整改措施或材料，或您的账号未被授权查看。");
    }

    @ExceptionHandler(DocumentAccess.FileGone.class)
    ModelAndView fileGone(DocumentAccess.FileGone e) {
        log.warn("{} (path {})", e.getMessage(), e.entry.doc().path());
        return page(HttpStatus.NOT_FOUND, "文件已不存在",
                "该文档有记录，但文件已不在输出目录中（可能已被清理或移动）。请联系管理员重新生成。");
    }

    @ExceptionHandler(BadRequest.class)
    ModelAndView badRequest(BadRequest e) {
        return page(HttpStatus.BAD_REQUEST, "请求无效", e.getMessage());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(Exception e) {
        return page(HttpStatus.BAD_REQUEST, "请求无效", "请求中的参数无效。");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView badMethod() {
        return page(HttpStatus.METHOD_NOT_ALLOWED, "请求无效", "不支持该请求方式。");
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        HttpStatus s = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        return switch (s) {
            case NOT_FOUND -> page(s, "页面不存在", "没有这个页面。");
            case FORBIDDEN -> page(s, "没有权限", "您的账号无权访问此页面。");
            case BAD_REQUEST -> page(s, "请求无效", "请求的地址或参数无效。");
            // whoever refused it (the length filter, the servlet's multipart limits): the same words as the form's
            case PAYLOAD_TOO_LARGE -> page(s, "文件过大", limits.tooLarge());
            default -> s.is4xxClientError() ? page(s, "请求无效", "服务器不能处理该请求（" + s.value() + "）。请返回上一页重试。")
                    : page(s, "出错了", "服务器处理请求时出错，请稍后再试或联系管理员。");
        };
    }
}
