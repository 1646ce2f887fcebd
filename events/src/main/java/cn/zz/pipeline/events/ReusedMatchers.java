package cn.zz.pipeline.events;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schemas' {@code pattern}s as the validator's JDK engine runs them ({@code Pattern.compile}, then {@code find}),
 * with one matcher per pattern and thread reused instead of a new one for every value checked.
 */
final class ReusedMatchers implements RegularExpressionFactory {

    static final ReusedMatchers INSTANCE = new ReusedMatchers();

    private ReusedMatchers() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(regex);
        ThreadLocal<Matcher> matcher = ThreadLocal.withInitial(() -> pattern.matcher(""));
        return value -> matcher.get().reset(value).find();
    }
}
